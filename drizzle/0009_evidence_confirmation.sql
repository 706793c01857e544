ALTER TYPE "public"."history_kind" ADD VALUE 'claim';--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_id" integer NOT NULL,
	"task_id" integer,
	"target_id" integer,
	"history_id" bigint,
	"person_id" integer,
	"name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" "channel",
	"message_id" text,
	CONSTRAINT "evidence_one_item" CHECK (("evidence"."task_id" is null) <> ("evidence"."target_id" is null))
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" serial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_sha256_unique" UNIQUE("sha256"),
	CONSTRAINT "files_size" CHECK ("files"."size" = octet_length("files"."bytes"))
);
--> statement-breakpoint
CREATE TABLE "program_checkers" (
	"program_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "program_checkers_program_id_person_id_pk" PRIMARY KEY("program_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "confirmation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "awaiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "awaiting_claim_id" bigint;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "awaiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "awaiting_claim_id" bigint;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_history_id_history_id_fk" FOREIGN KEY ("history_id") REFERENCES "public"."history"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_checkers" ADD CONSTRAINT "program_checkers_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_checkers" ADD CONSTRAINT "program_checkers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_task_idx" ON "evidence" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "evidence_target_idx" ON "evidence" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_message_uq" ON "evidence" USING btree ("channel","message_id");--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_awaiting_pair" CHECK (("targets"."awaiting_since" is null) = ("targets"."awaiting_claim_id" is null));--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_awaiting_pair" CHECK (("tasks"."awaiting_since" is null) = ("tasks"."awaiting_claim_id" is null));