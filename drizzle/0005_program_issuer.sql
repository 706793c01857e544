ALTER TABLE "programs" ADD COLUMN "issuer_superior" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "issuer_body" text;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_issuer_whole" CHECK (("programs"."issuer_superior" is null and "programs"."issuer_body" is null) or ("programs"."issuer_superior" is not null and "programs"."issuer_body" <> ''));