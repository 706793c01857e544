CREATE TABLE "count_rollup" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"program_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"status" "item_status" NOT NULL,
	"due_date" date,
	"late" boolean NOT NULL,
	"awaiting" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "count_rollup_key_uq" UNIQUE NULLS NOT DISTINCT("level","program_id","agency_id","status","due_date","late","awaiting"),
	CONSTRAINT "count_rollup_level" CHECK ("count_rollup"."level" in ('target', 'task'))
);
--> statement-breakpoint
-- Kept by triggers so every write path (chat updates, imports, re-assignments, the target roll-up, and
-- any added later) moves the counts in its own transaction. Statement-level with transition tables:
-- an import of 50,000 tasks is one grouped upsert, and an update that leaves an item in its bucket
-- (progress 20 → 40) nets to zero and touches no roll-up row, so concurrent updates do not queue on it.
-- Rows are upserted in key order so two transactions never lock the same two rows in opposite orders.
-- "late" is the status grid's done-late (finished after its due day, in Asia/Ho_Chi_Minh); the
-- store only reads the roll-up when it counts in that zone (src/store/rollup.ts).
CREATE FUNCTION "count_rollup_tasks"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO count_rollup AS r (level, program_id, agency_id, status, due_date, late, awaiting, n)
    SELECT 'task', g.program_id, x.agency_id, x.status, x.due_date,
           coalesce(x.status = 'done' AND (x.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > x.due_date, false),
           x.awaiting_since IS NOT NULL,
           count(*)::int
      FROM new_rows x JOIN targets g ON g.id = x.target_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT count_rollup_key_uq DO UPDATE SET n = r.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    -- Tasks deleted with their target were taken off by count_rollup_target_gone (the join finds no target).
    INSERT INTO count_rollup AS r (level, program_id, agency_id, status, due_date, late, awaiting, n)
    SELECT 'task', g.program_id, x.agency_id, x.status, x.due_date,
           coalesce(x.status = 'done' AND (x.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > x.due_date, false),
           x.awaiting_since IS NOT NULL,
           -count(*)::int
      FROM old_rows x JOIN targets g ON g.id = x.target_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT count_rollup_key_uq DO UPDATE SET n = r.n + excluded.n;
  ELSE
    INSERT INTO count_rollup AS r (level, program_id, agency_id, status, due_date, late, awaiting, n)
    SELECT 'task', g.program_id, x.agency_id, x.status, x.due_date,
           coalesce(x.status = 'done' AND (x.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > x.due_date, false),
           x.awaiting_since IS NOT NULL,
           sum(x.n)::int
      FROM (SELECT o.target_id, o.agency_id, o.status, o.due_date, o.completed_at, o.awaiting_since, -1 AS n FROM old_rows o
            UNION ALL
            SELECT w.target_id, w.agency_id, w.status, w.due_date, w.completed_at, w.awaiting_since, 1 FROM new_rows w) x
      JOIN targets g ON g.id = x.target_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(x.n) <> 0 ORDER BY 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT count_rollup_key_uq DO UPDATE SET n = r.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "count_rollup_targets"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO count_rollup AS r (level, program_id, agency_id, status, due_date, late, awaiting, n)
    SELECT 'target', x.program_id, x.lead_agency_id, x.status, x.due_date,
           coalesce(x.status = 'done' AND (x.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > x.due_date, false),
           x.awaiting_since IS NOT NULL,
           count(*)::int
      FROM new_rows x
     GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT count_rollup_key_uq DO UPDATE SET n = r.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO count_rollup AS r (level, program_id, agency_id, status, due_date, late, awaiting, n)
    SELECT 'target', x.program_id, x.lead_agency_id, x.status, x.due_date,
           coalesce(x.status = 'done' AND (x.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > x.due_date, false),
           x.awaiting_since IS NOT NULL,
           -count(*)::int
      FROM old_rows x
     GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT count_rollup_key_uq DO UPDATE SET n = r.n + excluded.n;
  ELSE
    INSERT INTO count_rollup AS r (level, program_id, agency_id, status, due_date, late, awaiting, n)
    SELECT 'target', x.program_id, x.lead_agency_id, x.status, x.due_date,
           coalesce(x.status = 'done' AND (x.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > x.due_date, false),
           x.awaiting_since IS NOT NULL,
           sum(x.n)::int
      FROM (SELECT o.program_id, o.lead_agency_id, o.status, o.due_date, o.completed_at, o.awaiting_since, -1 AS n FROM old_rows o
            UNION ALL
            SELECT w.program_id, w.lead_agency_id, w.status, w.due_date, w.completed_at, w.awaiting_since, 1 FROM new_rows w) x
     GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(x.n) <> 0 ORDER BY 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT count_rollup_key_uq DO UPDATE SET n = r.n + excluded.n;
    -- A target moved to another programme takes its tasks' counts along.
    INSERT INTO count_rollup AS r (level, program_id, agency_id, status, due_date, late, awaiting, n)
    SELECT 'task', m.program_id, k.agency_id, k.status, k.due_date,
           coalesce(k.status = 'done' AND (k.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > k.due_date, false),
           k.awaiting_since IS NOT NULL,
           sum(m.n)::int
      FROM (SELECT o.id, o.program_id, -1 AS n FROM old_rows o JOIN new_rows w ON w.id = o.id
             WHERE o.program_id <> w.program_id
            UNION ALL
            SELECT w.id, w.program_id, 1 FROM old_rows o JOIN new_rows w ON w.id = o.id
             WHERE o.program_id <> w.program_id) m
      JOIN tasks k ON k.target_id = m.id
     GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(m.n) <> 0 ORDER BY 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT count_rollup_key_uq DO UPDATE SET n = r.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Before a target goes, its tasks leave the counts under its programme (the cascade that deletes
-- them runs after the target row is gone, when their programme can no longer be looked up).
CREATE FUNCTION "count_rollup_target_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO count_rollup AS r (level, program_id, agency_id, status, due_date, late, awaiting, n)
  SELECT 'task', OLD.program_id, k.agency_id, k.status, k.due_date,
         coalesce(k.status = 'done' AND (k.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > k.due_date, false),
         k.awaiting_since IS NOT NULL,
         -count(*)::int
    FROM tasks k WHERE k.target_id = OLD.id
   GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 4, 5, 6, 7
  ON CONFLICT ON CONSTRAINT count_rollup_key_uq DO UPDATE SET n = r.n + excluded.n;
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER "tasks_count_rollup_ins" AFTER INSERT ON "tasks" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_rollup_tasks();--> statement-breakpoint
CREATE TRIGGER "tasks_count_rollup_upd" AFTER UPDATE ON "tasks" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_rollup_tasks();--> statement-breakpoint
CREATE TRIGGER "tasks_count_rollup_del" AFTER DELETE ON "tasks" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_rollup_tasks();--> statement-breakpoint
CREATE TRIGGER "targets_count_rollup_ins" AFTER INSERT ON "targets" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_rollup_targets();--> statement-breakpoint
CREATE TRIGGER "targets_count_rollup_upd" AFTER UPDATE ON "targets" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_rollup_targets();--> statement-breakpoint
CREATE TRIGGER "targets_count_rollup_del" AFTER DELETE ON "targets" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_rollup_targets();--> statement-breakpoint
CREATE TRIGGER "targets_count_rollup_gone" BEFORE DELETE ON "targets"
  FOR EACH ROW EXECUTE FUNCTION count_rollup_target_gone();--> statement-breakpoint
-- A truncate fires no row or statement trigger with rows: it empties its level's counts.
CREATE FUNCTION "count_rollup_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM count_rollup WHERE level = TG_ARGV[0];
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "tasks_count_rollup_truncate" AFTER TRUNCATE ON "tasks"
  FOR EACH STATEMENT EXECUTE FUNCTION count_rollup_truncated('task');--> statement-breakpoint
CREATE TRIGGER "targets_count_rollup_truncate" AFTER TRUNCATE ON "targets"
  FOR EACH STATEMENT EXECUTE FUNCTION count_rollup_truncated('target');--> statement-breakpoint
-- The counts of the data already there.
INSERT INTO count_rollup (level, program_id, agency_id, status, due_date, late, awaiting, n)
SELECT 'task', g.program_id, k.agency_id, k.status, k.due_date,
       coalesce(k.status = 'done' AND (k.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > k.due_date, false),
       k.awaiting_since IS NOT NULL,
       count(*)::int
  FROM tasks k JOIN targets g ON g.id = k.target_id GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT 'target', x.program_id, x.lead_agency_id, x.status, x.due_date,
       coalesce(x.status = 'done' AND (x.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > x.due_date, false),
       x.awaiting_since IS NOT NULL,
       count(*)::int
  FROM targets x GROUP BY 1, 2, 3, 4, 5, 6, 7;
