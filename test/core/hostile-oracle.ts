// The oracle of hostile.property.test.ts: what the store looked like around one message, and whether
// every change it made is one a confirmation in the reply said so — and every confirmation came true.
import { messages } from '../../src/core/messages.ts';
import { lineText, type Line, type Reply } from '../../src/core/reply.ts';
import type { ItemStatus, Lang } from '../../src/core/types.ts';
import { rows, type Database } from '../../src/store/db.ts';

export interface ItemRow {
  kind: 'task' | 'target';
  code: string;
  status: ItemStatus;
  progress: number;
  rest: string;
  hist: number;
}

export interface Snapshot {
  items: Map<string, ItemRow>;
  audit: number;
  explanations: string;
  snoozes: string;
  accounts: string;
  digests: string;
  people: string;
}

/** Everything a chat message could write, in two queries (conversation state is not data and is left out). */
export async function snapshot(db: Database['db']): Promise<Snapshot> {
  const items = await rows<ItemRow>(
    db,
    `select 'task' kind, t.code, t.status::text status, t.progress,
            t.updated_at::text || '|' || coalesce(t.assignee_id::text, '-') || '|' || t.agency_id rest,
            (select count(*)::int from history h where h.task_id = t.id) hist
       from tasks t
     union all
     select 'target', g.code, g.status::text, g.progress, g.updated_at::text || '|' || g.current_value,
            (select count(*)::int from history h where h.target_id = g.id)
       from targets g` as never,
  );
  const [g] = await rows<Omit<Snapshot, 'items'>>(
    db,
    `select (select count(*)::int from audit_log) audit,
            (select coalesce(string_agg(id || ':' || coalesce(answered_at::text, 'open'), ',' order by id), '')
               from explanation_requests) explanations,
            (select coalesce(string_agg(person_id || ':' || item_code || ':' || until, ',' order by person_id, item_code), '')
               from snoozes) snoozes,
            (select coalesce(string_agg(channel || ':' || external_user_id, ',' order by id), '') || '/' ||
                    (select count(*) from invites where used_at is not null) from chat_accounts) accounts,
            (select coalesce(string_agg(channel || ':' || chat_id || ':' || lang, ',' order by chat_id), '')
               from group_digests) digests,
            (select md5(string_agg(code || role || agency_id || coalesce(unreachable_since::text, ''), ',' order by code))
               from people) people` as never,
  );
  return { items: new Map(items.map((r) => [r.code, r])), ...g! };
}

/** Every table a chat message could write to; the conversation state is not data and is left out. */
const WATCHED = [
  'tasks',
  'targets',
  'history',
  'audit_log',
  'explanation_requests',
  'snoozes',
  'chat_accounts',
  'invites',
  'group_digests',
  'people',
  'agencies',
  'programs',
  'outbox',
];

/**
 * Counts write statements on the watched tables (a trigger bumps a sequence, which no rollback undoes),
 * so a message that wrote nothing — most of them — needs no full snapshot. Observes; changes no behaviour.
 */
export async function watchWrites(db: Database['db']): Promise<() => Promise<number>> {
  await db.execute('create sequence hostile_writes' as never);
  await db.execute(
    `create function hostile_wrote() returns trigger language plpgsql as $$
       begin perform nextval('hostile_writes'); return null; end $$` as never,
  );
  for (const table of WATCHED)
    await db.execute(
      `create trigger hostile_wrote after insert or update or delete or truncate on ${table}
         for each statement execute function hostile_wrote()` as never,
    );
  return async () => {
    const [r] = await rows<{ n: number }>(
      db,
      'select (case when is_called then last_value else 0 end)::int n from hostile_writes' as never,
    );
    return r!.n;
  };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A catalogue sentence as a regex: the placeholders `\u0001…` become capture groups. */
function sentence(text: string): RegExp {
  return new RegExp(`^${esc(text).replace(/[\u0001-\u0004]/g, '(.+?)')}$`, 'u');
}
const A = '\u0001';
const B = '\u0002';
const C = '\u0003';
const D = '\u0004';

function catalogue(lang: Lang) {
  const m = messages(lang);
  const st = (['done', 'in_progress', 'blocked', 'not_started'] as const).map(
    (s) => [m.status(s), s] as const,
  );
  return {
    status: new Map<string, ItemStatus>(st),
    updated: sentence(m.updated(`${A}%`, `${B}%`, C)),
    noteOnly: m.noteOnly,
    targetNow: sentence(m.targetNow(A, `${B}%`, C)),
    duplicate: m.duplicate,
    explainRequested: sentence(m.explainRequested(A, B, C)),
    explainNobody: sentence(m.explainNobody(A, B)),
    explainRecorded: sentence(m.explainRecorded(A)),
    snoozed: sentence(m.snoozed(A, B)),
    digest: new Set([m.digestOn, m.digestOff]),
    questions: [
      sentence(m.confirmLower(A, B, C)),
      sentence(m.confirmReopen(A, B, C, D)),
      sentence(m.severalPercents(A)),
    ],
  };
}
const CATALOGUES = { vi: catalogue('vi'), en: catalogue('en') };

/** What the replies claim was written. */
export interface Claims {
  updates: { code: string; from: number | null; to: number | null; status: ItemStatus | null }[];
  targets: { code: string; progress: number; status: ItemStatus }[];
  explanationAsked: string[];
  explanationGiven: string[];
  snoozed: string[];
  digest: boolean;
  duplicate: boolean;
  question: boolean;
  problems: string[];
}

export function claims(replies: Reply[]): Claims {
  const out: Claims = {
    updates: [],
    targets: [],
    explanationAsked: [],
    explanationGiven: [],
    snoozed: [],
    digest: false,
    duplicate: false,
    question: false,
    problems: [],
  };
  for (const r of replies) {
    const c = CATALOGUES[r.lang];
    for (const line of r.lines) {
      const text = lineText(line);
      const update = updateLine(line, c);
      if (update === 'bad') out.problems.push(`a ✅ line that says nothing checkable: ${text}`);
      else if (update) out.updates.push(update);
      let hit: RegExpExecArray | null;
      if ((hit = c.targetNow.exec(text))) {
        const status = c.status.get(hit[3]!);
        if (status) out.targets.push({ code: hit[1]!, progress: Number(hit[2]), status });
      }
      if ((hit = c.explainRequested.exec(text))) out.explanationAsked.push(hit[3]!);
      if ((hit = c.explainNobody.exec(text))) out.explanationAsked.push(hit[1]!);
      if ((hit = c.explainRecorded.exec(text))) out.explanationGiven.push(hit[1]!);
      if ((hit = c.snoozed.exec(text))) out.snoozed.push(hit[2]!);
      if (c.digest.has(text)) out.digest = true;
      if (text === c.duplicate) out.duplicate = true;
      if (c.questions.some((q) => q.test(text))) out.question = true;
    }
  }
  return out;
}

/** The core's confirmation line: ['✅ ', {code}, ' title', ': 30% → 45% (đang thực hiện)' | ': note recorded']. */
function updateLine(line: Line, c: (typeof CATALOGUES)['vi']): Claims['updates'][number] | 'bad' | null {
  const [tick, code, , change] = line;
  if (tick !== '✅ ' || typeof code !== 'object' || !('code' in code) || typeof change !== 'string')
    return null;
  if (change === c.noteOnly) return { code: code.code, from: null, to: null, status: null };
  const hit = c.updated.exec(change);
  const status = hit ? c.status.get(hit[3]!) : undefined;
  if (!hit || !status) return 'bad';
  return { code: code.code, from: Number(hit[1]), to: Number(hit[2]), status };
}

/** Visible: something other than spaces, control, format (zero-width, bidi) characters. */
export function visible(text: string): boolean {
  return text.replace(/[\s\p{Cc}\p{Cf}]/gu, '').length > 0;
}

/**
 * Every way `after` differs from `before` that `said` does not account for, and every claim in `said`
 * that `after` does not bear out. Empty: the message's effect was exactly what its reply said.
 */
export function unexplained(before: Snapshot, after: Snapshot, said: Claims): string[] {
  const wrong: string[] = [...said.problems];
  const allowedRow = new Set<string>();
  const allowedHist = new Map<string, [number, number]>();
  const allowHist = (code: string, lo: number, hi: number) => {
    const [l, h] = allowedHist.get(code) ?? [0, 0];
    allowedHist.set(code, [l + lo, h + hi]);
  };
  if (said.question && (said.updates.length > 0 || said.targets.length > 0))
    wrong.push('a confirmation question beside a confirmation');
  if (!said.duplicate) {
    for (const u of said.updates) {
      const was = before.items.get(u.code);
      const now = after.items.get(u.code);
      if (!was || !now) {
        wrong.push(`confirmed ${u.code}, which is no item`);
        continue;
      }
      allowedRow.add(u.code);
      allowHist(u.code, 1, 1);
      if (u.from === null) {
        if (now.status !== was.status || now.progress !== was.progress)
          wrong.push(`"note recorded" on ${u.code} but it went ${was.progress}% → ${now.progress}%`);
      } else if (u.from !== was.progress || u.to !== now.progress || u.status !== now.status) {
        wrong.push(
          `confirmed ${u.code} ${u.from}% → ${u.to}% (${u.status}); the store went ${was.progress}% ${was.status} → ${now.progress}% ${now.status}`,
        );
      }
    }
    for (const t of said.targets) {
      const now = after.items.get(t.code);
      allowedRow.add(t.code);
      if (!now || now.progress !== t.progress || now.status !== t.status)
        wrong.push(
          `said target ${t.code} is at ${t.progress}% ${t.status}; it is ${now?.progress}% ${now?.status}`,
        );
    }
  }
  for (const code of said.explanationAsked) allowHist(code, 0, 1);
  for (const code of said.explanationGiven) allowHist(code, 1, 1);

  let histDelta = 0;
  for (const [code, now] of after.items) {
    const was = before.items.get(code)!;
    const d = now.hist - was.hist;
    histDelta += d;
    const [lo, hi] = allowedHist.get(code) ?? [0, 0];
    if (d < lo || d > hi)
      wrong.push(`${code}: ${d} history rows written, the reply accounts for ${lo}–${hi}`);
    const row = (r: ItemRow) => `${r.status} ${r.progress}% ${r.rest}`;
    if (row(now) !== row(was) && !allowedRow.has(code))
      wrong.push(`${code} changed (${row(was)} → ${row(now)}) with no confirmation naming it`);
  }
  const digestChanged = after.digests !== before.digests;
  if (after.audit - before.audit !== histDelta + (digestChanged ? 1 : 0))
    wrong.push(`${after.audit - before.audit} audit rows for ${histDelta} history rows`);
  const exp = said.explanationAsked.length + said.explanationGiven.length > 0;
  if (after.explanations !== before.explanations && !exp)
    wrong.push('explanation requests changed unannounced');
  if (after.snoozes !== before.snoozes && said.snoozed.length === 0)
    wrong.push('snoozes changed unannounced');
  if (digestChanged && !said.digest) wrong.push('group digests changed unannounced');
  if (after.accounts !== before.accounts) wrong.push('chat accounts or invites changed');
  if (after.people !== before.people) wrong.push('people changed');
  return wrong;
}
