// Generates a large province in the store with set-based SQL: agencies, people, targets, tasks, updates.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/store/db.ts';

export interface ProvinceSize {
  agencies: number;
  people: number;
  targets: number;
  tasks: number;
  updates: number;
}

export const BENCH_SIZE: ProvinceSize = {
  agencies: 120,
  people: 2000,
  targets: 5000,
  tasks: 50_000,
  updates: 500_000,
};

/**
 * BENCH_SIZE times `scale`: the national picture is many provinces alike, so every part grows together
 * (a person's own list and an agency's share stay the size they are in one province).
 */
export function scaledSize(scale: number): ProvinceSize {
  const s = BENCH_SIZE;
  const times = (n: number) => Math.round(n * scale);
  return {
    agencies: times(s.agencies),
    people: times(s.people),
    targets: times(s.targets),
    tasks: times(s.tasks),
    updates: times(s.updates),
  };
}

/** Fills an empty, migrated database. Dates spread around `today` so every question has answers. */
export async function generateProvince(db: Db, size: ProvinceSize, today: string): Promise<void> {
  const s = size;
  await db.execute(sql`insert into programs (code, name_vi, name_en, aliases) values
    ('NQ57', 'Nghị quyết 57-NQ/TW', 'Resolution 57', array['NQ 57','nghị quyết 57','Resolution 57']),
    ('DA06', 'Đề án 06', 'Project 06', array['ĐA 06','de an 06','Project 06']),
    ('CDS25', 'Kế hoạch chuyển đổi số 2025', 'Digital transformation plan 2025', array['CĐS 2025','chuyen doi so 2025'])`);
  await db.execute(sql`insert into agencies (code, name_vi, name_en, kind, aliases)
    select 'AG' || g, 'Sở số ' || g, 'Department ' || g, 'department', array['So ' || g]
      from generate_series(1, ${s.agencies}) g`);
  await db.execute(sql`insert into people (code, full_name, role, agency_id, lang)
    select 'U' || g, 'Cán bộ ' || g, (case when g <= 10 then 'leader' else 'staff' end)::role,
           1 + (g % ${s.agencies}), 'vi'
      from generate_series(1, ${s.people}) g`);
  await db.execute(sql`insert into targets (code, program_id, title_vi, title_en, lead_agency_id, start_date, due_date, status, progress)
    select (array['NQ57','DA06','CDS25'])[1 + g % 3] || '-' || g, 1 + g % 3, 'Chỉ tiêu ' || g, 'Target ' || g,
           1 + (g % ${s.agencies}), ${today}::date - 200, ${today}::date - 60 + (g % 180),
           (array['not_started','in_progress','done','blocked'])[1 + g % 4]::item_status, (g * 7) % 100
      from generate_series(1, ${s.targets}) g`);
  const perTarget = Math.ceil(s.tasks / s.targets);
  await db.execute(sql`insert into tasks (code, target_id, title_vi, title_en, agency_id, assignee_id, start_date, due_date, status, progress, updated_at)
    select t.code || '.' || k, t.id, 'Nhiệm vụ ' || t.id || '.' || k, 'Task ' || t.id || '.' || k,
           t.lead_agency_id, 1 + ((t.id * ${perTarget} + k) % ${s.people}), t.start_date,
           least(t.due_date, t.due_date - (k % 5)),
           st, case when st = 'done' then 100 when st = 'not_started' then 0 else (t.id + k * 13) % 100 end,
           ${today}::timestamptz - ((t.id + k) % 40) * interval '1 day'
      from targets t, generate_series(1, ${perTarget}) k,
           lateral (select (array['not_started','in_progress','done','blocked'])[1 + (t.id + k) % 4]::item_status as st) s
     where (t.id - 1) * ${perTarget} + k <= ${s.tasks}`);
  await db.execute(sql`insert into history (task_id, kind, person_id, at, progress, status, note, channel)
    select 1 + (g % ${s.tasks}), 'update', 1 + (g % ${s.people}),
           ${today}::timestamptz - (g % 300) * interval '1 hour', g % 100, 'in_progress', 'Cập nhật số ' || g, 'telegram'
      from generate_series(1, ${s.updates}) g`);
  await db.execute(sql`analyze`);
}
