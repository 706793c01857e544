CREATE TABLE "target_co_agencies" (
	"target_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "target_co_agencies_target_id_agency_id_pk" PRIMARY KEY("target_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "task_co_agencies" (
	"task_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "task_co_agencies_task_id_agency_id_pk" PRIMARY KEY("task_id","agency_id")
);
--> statement-breakpoint
ALTER TABLE "targets" ALTER COLUMN "due_date" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "due_date" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "due_text" text;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "field_vi" text;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "deliverable" text;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_text" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "deliverable" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "target_co_agencies" ADD CONSTRAINT "target_co_agencies_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_co_agencies" ADD CONSTRAINT "target_co_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_co_agencies" ADD CONSTRAINT "task_co_agencies_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_co_agencies" ADD CONSTRAINT "task_co_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_co_agencies_agency_idx" ON "target_co_agencies" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "task_co_agencies_agency_idx" ON "task_co_agencies" USING btree ("agency_id");--> statement-breakpoint
-- A target measured by an indicator ("41/68 xã") takes its progress from it, capped at 100 %
-- (targetRollup's rule); the rest keep the mean of their tasks.
UPDATE "targets" g SET "progress" = least(100, round(g."current_value" / g."target_value" * 100))::int
 WHERE g."unit" IS NOT NULL AND g."target_value" > 0
   AND EXISTS (SELECT 1 FROM "tasks" k WHERE k."target_id" = g."id");
