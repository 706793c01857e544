ALTER TYPE "public"."reminder_kind" ADD VALUE 'group_digest';--> statement-breakpoint
CREATE TABLE "group_digests" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" "channel" NOT NULL,
	"chat_id" text NOT NULL,
	"subscribed_by_id" integer,
	"lang" "lang" DEFAULT 'vi' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_digests" ADD CONSTRAINT "group_digests_subscribed_by_id_people_id_fk" FOREIGN KEY ("subscribed_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_digests_chat_uq" ON "group_digests" USING btree ("channel","chat_id");