// Everything the reminder planner needs, read in a handful of whole-table queries (no query per person or task).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  AgencyCode,
  ItemCode,
  LocalDate,
  Messenger,
  PersonCode,
  ProgramCode,
  Role,
  Lang,
} from '../core/types.ts';
import {
  DEFAULT_HOLIDAYS,
  DEFAULT_RULES,
  type Holiday,
  type PlanAgency,
  type PlanInput,
  type PlanPerson,
  type PlanProgram,
  type ProgramOverrides,
  type ReminderRules,
  type RuleSet,
} from '../reminders/index.ts';
import { loadAwaitingClaims, loadCheckers } from './awaiting-claims.ts';
import { rows, type DbOrTx } from './db.ts';
import { loadGroupDigests } from './group-digests.ts';
import { selectItems } from './items.ts';

/** Where one person's messages go on one messenger. */
export interface ChatTarget {
  personId: number;
  channel: Messenger;
  chatId: string;
}

interface ChatRow {
  person_id: number;
  code: string;
  preferred: string | null;
  channel: Messenger;
  chat_id: string;
}

/**
 * The chats each person is reached on: their `preferred_channel` when they registered on it, else every
 * messenger they registered on. Several accounts on one messenger: the latest registration wins.
 * `person` narrows the read to one person (notifications).
 */
export async function loadChatTargets(
  db: DbOrTx,
  person?: PersonCode,
): Promise<Map<PersonCode, ChatTarget[]>> {
  const only = person === undefined ? sql`` : sql`and pe.code = ${person}`;
  const result = await rows<ChatRow>(
    db,
    sql`select distinct on (ca.person_id, ca.channel)
               ca.person_id, pe.code, pe.preferred_channel::text as preferred, ca.channel::text as channel, ca.chat_id
          from chat_accounts ca join people pe on pe.id = ca.person_id
         where ca.channel in ('telegram', 'zalo') ${only}
         order by ca.person_id, ca.channel, ca.registered_at desc, ca.id desc`,
  );
  const all = new Map<PersonCode, { preferred: string | null; targets: ChatTarget[] }>();
  for (const r of result) {
    const code = r.code as PersonCode;
    const entry = all.get(code) ?? { preferred: r.preferred, targets: [] };
    entry.targets.push({ personId: Number(r.person_id), channel: r.channel, chatId: r.chat_id });
    all.set(code, entry);
  }
  const out = new Map<PersonCode, ChatTarget[]>();
  for (const [code, { preferred, targets }] of all) {
    const chosen = targets.filter((t) => t.channel === preferred);
    out.set(code, chosen.length > 0 ? chosen : targets);
  }
  return out;
}

const ruleFields = {
  leadDays: z.array(z.number().int().min(0)),
  dueSoonDays: z.number().int().min(0),
  escalationDays: z.number().int().min(0),
  staleDays: z.number().int().min(1),
  noNagDays: z.number().int().min(0),
  weekdays: z.array(z.number().int().min(1).max(7)),
  workingDaysOnly: z.boolean(),
  quietHours: z
    .object({ start: z.string().regex(/^\d\d:\d\d$/), end: z.string().regex(/^\d\d:\d\d$/) })
    .nullable(),
  overdueEveryDays: z.number().int().min(1),
} satisfies Record<keyof ReminderRules, z.ZodType>;

/** The valid keys of a stored rules object; a mistyped key is ignored rather than breaking every reminder. */
export function parseRules(value: unknown): Partial<ReminderRules> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Partial<ReminderRules> = {};
  for (const key of Object.keys(ruleFields) as (keyof ReminderRules)[]) {
    const parsed = ruleFields[key].safeParse((value as Record<string, unknown>)[key]);
    if (parsed.success) Object.assign(out, { [key]: parsed.data });
  }
  return out;
}

async function loadRules(db: DbOrTx): Promise<RuleSet> {
  const result = await rows<{ program: string | null; rules: string }>(
    db,
    sql`select p.code as program, r.rules::text as rules
          from reminder_rules r left join programs p on p.id = r.program_id`,
  );
  let defaults: ReminderRules = { ...DEFAULT_RULES };
  const byProgram: ProgramOverrides = {};
  for (const r of result) {
    const rules = parseRules(JSON.parse(r.rules) as unknown);
    if (r.program === null) defaults = { ...defaults, ...rules };
    else byProgram[r.program as ProgramCode] = rules;
  }
  return { defaults, byProgram };
}

async function loadHolidays(db: DbOrTx): Promise<readonly Holiday[]> {
  const result = await rows<{ day: string; name_vi: string; name_en: string }>(
    db,
    sql`select day::text as day, name_vi, name_en from holidays order by day`,
  );
  if (result.length === 0) return DEFAULT_HOLIDAYS;
  return result.map((r) => ({ date: r.day as LocalDate, name_vi: r.name_vi, name_en: r.name_en }));
}

interface PersonRow {
  code: string;
  full_name: string;
  role: Role;
  lang: Lang;
  agency: string;
  unreachable: boolean;
}

async function loadPeople(db: DbOrTx): Promise<PersonRow[]> {
  return rows<PersonRow>(
    db,
    sql`select pe.code, pe.full_name, pe.role::text as role, pe.lang::text as lang, a.code as agency,
               (pe.unreachable_since is not null) as unreachable
          from people pe join agencies a on a.id = pe.agency_id
         order by pe.code`,
  );
}

async function loadAgencies(db: DbOrTx): Promise<PlanAgency[]> {
  const result = await rows<{
    code: string;
    name_vi: string;
    name_en: string;
    parent: string | null;
    head: string | null;
  }>(
    db,
    sql`select a.code, a.name_vi, a.name_en, pa.code as parent, h.code as head
          from agencies a
          left join agencies pa on pa.id = a.parent_id
          left join people h on h.id = a.head_person_id
         order by a.code`,
  );
  return result.map((r) => ({
    code: r.code as AgencyCode,
    name: { vi: r.name_vi, en: r.name_en },
    parent: r.parent as AgencyCode | null,
    head: r.head as PersonCode | null,
  }));
}

async function loadPrograms(db: DbOrTx): Promise<PlanProgram[]> {
  const result = await rows<{ code: string; name_vi: string; name_en: string }>(
    db,
    sql`select code, name_vi, name_en from programs order by id`,
  );
  return result.map((r) => ({ code: r.code as ProgramCode, name: { vi: r.name_vi, en: r.name_en } }));
}

/** Each person's latest status report (or explanation) on each task. */
async function loadLastUpdates(db: DbOrTx): Promise<PlanInput['lastUpdateBy']> {
  const result = await rows<{ item: string; person: string; at_ms: number | string }>(
    db,
    sql`select t.code as item, pe.code as person, (extract(epoch from max(h.at)) * 1000)::float8 as at_ms
          from history h
          join tasks t on t.id = h.task_id
          join people pe on pe.id = h.person_id
         where h.kind in ('update', 'explanation')
         group by t.code, pe.code`,
  );
  return result.map((r) => ({
    item: r.item as ItemCode,
    person: r.person as PersonCode,
    at: new Date(Number(r.at_ms)),
  }));
}

async function loadSnoozes(db: DbOrTx): Promise<PlanInput['snoozes']> {
  const result = await rows<{ person: string; item: string; until: string }>(
    db,
    sql`select pe.code as person, s.item_code as item, s.until::text as until
          from snoozes s join people pe on pe.id = s.person_id`,
  );
  return result.map((r) => ({
    person: r.person as PersonCode,
    item: r.item as ItemCode,
    until: r.until as LocalDate,
  }));
}

async function loadPendingExplanations(db: DbOrTx): Promise<PlanInput['pendingExplanations']> {
  const result = await rows<{ item: string; by: string; at_ms: number | string }>(
    db,
    sql`select e.item_code as item, pe.code as by, (extract(epoch from e.requested_at) * 1000)::float8 as at_ms
          from explanation_requests e join people pe on pe.id = e.requested_by_id
         where e.answered_at is null
         order by e.requested_at, e.id`,
  );
  return result.map((r) => ({
    item: r.item as ItemCode,
    requestedBy: r.by as PersonCode,
    requestedAt: new Date(Number(r.at_ms)),
  }));
}

/**
 * The planner's whole input at `now`: people with the messengers they are reached on, agencies with
 * parent and head, every target and task (done ones too: the leader digest counts them), and the facts
 * that silence or add reminders, the claims awaiting a checker, and the group chats subscribed to the digest. Fourteen queries whatever
 * the size of the province.
 */
export async function loadPlanInput(db: DbOrTx, now: Date, tz: string): Promise<PlanInput> {
  const [
    people,
    chats,
    agencies,
    targets,
    tasks,
    programs,
    lastUpdateBy,
    snoozes,
    pending,
    holidays,
    rules,
    groups,
    awaitingClaims,
    checkers,
  ] = await Promise.all([
    loadPeople(db),
    loadChatTargets(db),
    loadAgencies(db),
    selectItems(db, 'target', sql`true`),
    selectItems(db, 'task', sql`true`),
    loadPrograms(db),
    loadLastUpdates(db),
    loadSnoozes(db),
    loadPendingExplanations(db),
    loadHolidays(db),
    loadRules(db),
    loadGroupDigests(db),
    loadAwaitingClaims(db),
    loadCheckers(db),
  ]);
  const planPeople: PlanPerson[] = people.map((p) => ({
    code: p.code as PersonCode,
    name: p.full_name,
    role: p.role,
    agency: p.agency as AgencyCode,
    lang: p.lang,
    channels: (chats.get(p.code as PersonCode) ?? []).map((t) => t.channel),
  }));
  return {
    now,
    tz,
    holidays,
    rules,
    people: planPeople,
    agencies,
    items: [...targets, ...tasks],
    programs,
    lastUpdateBy,
    snoozes,
    pendingExplanations: pending,
    unreachable: people.filter((p) => p.unreachable).map((p) => p.code as PersonCode),
    groups,
    awaitingClaims,
    checkers,
  };
}
