// The demo province (demo/*.csv) turned into planner input, as the store would hand it over.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ItemView, Messenger, Percent } from '../../src/core/types.ts';
import {
  DEFAULT_HOLIDAYS,
  DEFAULT_RULES,
  type PlanAgency,
  type PlanInput,
  type PlanPerson,
  type PlanProgram,
  asLocalDate,
} from '../../src/reminders/index.ts';
import { A, I, P, PG } from './fixtures.ts';

type Row = Record<string, string>;
const DEMO = new URL('../../demo/', import.meta.url);
const read = (name: string): Row[] =>
  parse(readFileSync(new URL(name, DEMO), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
const col = (row: Row, key: string): string => {
  const value = row[key];
  if (value === undefined) throw new Error(`demo CSV has no column ${key}`);
  return value;
};

/**
 * The CSVs name no agency heads; directors and chairs ("Giám đốc …", "Chủ tịch …") head their
 * agency here, which is what a province's roster would record.
 */
function headOf(agency: string, people: Row[]): string | null {
  const head = people.find(
    (p) => col(p, 'agency_code') === agency && /^(Giám đốc|Chủ tịch) /u.test(col(p, 'title_vi')),
  );
  return head ? col(head, 'code') : null;
}

export function demoInput(now: Date): PlanInput {
  const programs: PlanProgram[] = read('programs.csv').map((r) => ({
    code: PG(col(r, 'code')),
    name: { vi: col(r, 'name_vi'), en: col(r, 'name_en') },
  }));
  const peopleRows = read('people.csv');
  const people: PlanPerson[] = peopleRows.map((r) => {
    const channels: Messenger[] = [];
    if (col(r, 'telegram_username') !== '') channels.push('telegram');
    if (col(r, 'zalo_user_id') !== '') channels.push('zalo');
    const role = col(r, 'role');
    const lang = col(r, 'lang');
    if (role !== 'leader' && role !== 'staff' && role !== 'admin') throw new Error(`bad role ${role}`);
    if (lang !== 'vi' && lang !== 'en') throw new Error(`bad lang ${lang}`);
    return {
      code: P(col(r, 'code')),
      name: col(r, 'full_name'),
      role,
      agency: A(col(r, 'agency_code')),
      lang,
      channels,
    };
  });
  const agencyRows = read('agencies.csv');
  const agencies: PlanAgency[] = agencyRows.map((r) => {
    const head = headOf(col(r, 'code'), peopleRows);
    return {
      code: A(col(r, 'code')),
      name: { vi: col(r, 'name_vi'), en: col(r, 'name_en') },
      parent: col(r, 'parent_code') === '' ? null : A(col(r, 'parent_code')),
      head: head === null ? null : P(head),
    };
  });
  const agencyName = new Map(agencies.map((a) => [a.code as string, a.name]));
  const personName = new Map(people.map((p) => [p.code as string, p.name]));
  const nameOfAgency = (code: string) => agencyName.get(code) ?? { vi: code, en: code };

  const targets: ItemView[] = read('targets.csv').map((r) => {
    const goal = Number(col(r, 'target_value'));
    const done = col(r, 'status') === 'done';
    const progress = done ? 100 : Math.min(99, Math.round((Number(col(r, 'current_value')) / goal) * 100));
    return {
      kind: 'target',
      code: I(col(r, 'code')),
      title: { vi: col(r, 'title_vi'), en: col(r, 'title_en') },
      program: PG(col(r, 'program_code')),
      agency: A(col(r, 'lead_agency_code')),
      agencyName: nameOfAgency(col(r, 'lead_agency_code')),
      assignee: null,
      dueDate: asLocalDate(col(r, 'due_date')),
      dueText: null,
      status: col(r, 'status') as ItemView['status'],
      progress: progress as Percent,
      updatedAt: new Date(col(r, 'updated_at')),
      startDate: asLocalDate('2025-01-01'),
      completedAt: done ? new Date(col(r, 'updated_at')) : null,
    };
  });
  const tasks: ItemView[] = read('tasks.csv').map((r) => ({
    kind: 'task',
    code: I(col(r, 'code')),
    title: { vi: col(r, 'title_vi'), en: col(r, 'title_en') },
    program: PG(col(r, 'code').split('-')[0] ?? ''),
    agency: A(col(r, 'agency_code')),
    agencyName: nameOfAgency(col(r, 'agency_code')),
    assignee: { code: P(col(r, 'assignee_code')), name: personName.get(col(r, 'assignee_code')) ?? '' },
    dueDate: asLocalDate(col(r, 'due_date')),
    dueText: null,
    status: col(r, 'status') as ItemView['status'],
    progress: Number(col(r, 'progress')) as Percent,
    updatedAt: new Date(col(r, 'updated_at')),
    startDate: asLocalDate('2025-01-01'),
    completedAt: col(r, 'status') === 'done' ? new Date(col(r, 'updated_at')) : null,
  }));

  const latest = new Map<string, { item: ReturnType<typeof I>; person: ReturnType<typeof P>; at: Date }>();
  for (const r of read('updates.csv')) {
    const at = new Date(col(r, 'at'));
    const key = `${col(r, 'task_code')}|${col(r, 'person_code')}`;
    const seen = latest.get(key);
    if (!seen || seen.at < at)
      latest.set(key, { item: I(col(r, 'task_code')), person: P(col(r, 'person_code')), at });
  }

  return {
    now,
    tz: 'Asia/Ho_Chi_Minh',
    holidays: DEFAULT_HOLIDAYS,
    rules: { defaults: DEFAULT_RULES, byProgram: {} },
    people,
    agencies,
    items: [...targets, ...tasks],
    programs,
    lastUpdateBy: [...latest.values()],
    snoozes: [],
    pendingExplanations: [],
    unreachable: [],
  };
}
