ALTER TABLE "targets" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
-- Existing completions: the first "done" after the item was last open, from its history; the row's
-- updated_at where the history has none (items loaded done from a plan file).
UPDATE "tasks" t SET "completed_at" = coalesce((
  SELECT min(h."at") FROM "history" h
   WHERE h."task_id" = t."id" AND h."status" = 'done'
     AND h."at" > coalesce((SELECT max(o."at") FROM "history" o
                             WHERE o."task_id" = t."id" AND o."status" IS NOT NULL AND o."status" <> 'done'),
                           '-infinity'::timestamptz)
), t."updated_at") WHERE t."status" = 'done';--> statement-breakpoint
UPDATE "targets" g SET "completed_at" = coalesce(
  (SELECT max(k."completed_at") FROM "tasks" k WHERE k."target_id" = g."id"),
  (SELECT min(h."at") FROM "history" h
    WHERE h."target_id" = g."id" AND h."status" = 'done'
      AND h."at" > coalesce((SELECT max(o."at") FROM "history" o
                              WHERE o."target_id" = g."id" AND o."status" IS NOT NULL AND o."status" <> 'done'),
                            '-infinity'::timestamptz)),
  g."updated_at") WHERE g."status" = 'done';
