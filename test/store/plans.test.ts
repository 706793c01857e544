// The hot questions' query plans on a province big enough for the planner to choose (ANALYZEd): each
// statement the store sends reads tasks, history, people and the webhook's tables through an index,
// never by a sequential scan, so answers do not slow down as the country's data grows.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince, scaledSize } from '../../bench/province.ts';
import type { Scope } from '../../src/core/ports.ts';
import type { AgencyCode, ItemCode, LocalDate, PersonCode, ProgramCode } from '../../src/core/types.ts';
import { fromPglite, fromPostgresUrl, type Database } from '../../src/store/db.ts';
import { admitInbound } from '../../src/store/inbound.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const TODAY = '2025-07-15' as LocalDate;
const NOW = new Date('2025-07-15T08:00:00+07:00');
const WEEK = { from: '2025-07-14' as LocalDate, to: '2025-07-20' as LocalDate };
const nq57: Scope = { program: 'NQ57' as ProgramCode, agency: null };
const ag7: Scope = { program: null, agency: 'AG7' as AgencyCode };
/**
 * The tables that grow with the country into millions of rows. Targets (thousands), programmes, agencies
 * and the roll-up's buckets stay small enough that hashing them whole is the planner's right choice.
 */
const GROWING = new Set(['tasks', 'history', 'people', 'chat_accounts', 'inbound_seen']);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Seq Scan' && GROWING.has(node['Relation Name'] ?? '')
      ? [node['Relation Name']!]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

describe.each(dbKinds())('query plans of the hot questions on %s', (kind) => {
  let t: TestDatabase;
  let store: Store;
  let traced: Database;
  let explain: (query: string, params: unknown[]) => Promise<PlanNode>;
  let endExplain: () => Promise<void> = async () => {};
  let sent: Array<{ query: string; params: unknown[] }> = [];

  beforeAll(async () => {
    t = await freshDatabase(kind, 'empty');
    // A tenth of the benchmark's province (5,000 tasks, 50,000 updates) with the country's 20,000 people.
    const size = { ...scaledSize(0.1), people: 20_000 };
    await generateProvince(t.db, size, TODAY);
    await t.db.execute(sql`insert into chat_accounts (person_id, channel, chat_id, external_user_id)
      select id, 'telegram', (70000 + id)::text, (70000 + id)::text from people`);
    await t.db.execute(sql`insert into inbound_seen (channel, key, seen_at)
      select 'telegram', 'u' || g, ${NOW.toISOString()}::timestamptz - g * interval '1 second' from generate_series(1, 20000) g`);
    await t.db.execute(sql`analyze`);
    const listen = (query: string, params: unknown[]) => void sent.push({ query, params });
    if (kind === 'pglite') {
      // The same embedded instance, through a drizzle that reports what it sends (closed with `t`).
      traced = fromPglite(t.pglite!, listen);
      explain = async (query, params) => {
        const r = await t.pglite!.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
          `explain (format json) ${query}`,
          params,
        );
        return r.rows[0]!['QUERY PLAN'][0]!.Plan;
      };
    } else {
      traced = fromPostgresUrl(t.url!, 'postgres', 2, listen);
      const client = postgres(t.url!, { max: 1, onnotice: () => {} });
      endExplain = () => client.end({ timeout: 5 });
      explain = async (query, params) => {
        const r = await client.unsafe(`explain (format json) ${query}`, params as never[]);
        return (r[0]!['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan;
      };
    }
    store = createStore(traced.db, () => NOW);
  }, 120_000);
  afterAll(async () => {
    await endExplain();
    if (kind === 'postgres') await traced?.close();
    await t.close();
  });

  /** Runs `ask` against the store, then explains every statement it sent. */
  async function plansOf(ask: () => Promise<unknown>): Promise<Array<{ query: string; scans: string[] }>> {
    sent = [];
    const answer = await ask();
    expect(answer).toBeDefined();
    expect(sent.length).toBeGreaterThan(0);
    const out = [];
    for (const s of sent) out.push({ query: s.query, scans: seqScans(await explain(s.query, s.params)) });
    return out;
  }

  const cases: Array<[string, () => Promise<unknown>]> = [
    ['summary of a programme', () => store.summary(nq57, TODAY, null)],
    ['overdue targets of a programme', () => store.overdue(nq57, 'target', TODAY)],
    ['overdue tasks of an agency', () => store.overdue(ag7, 'task', TODAY)],
    ['due this week, targets of a programme', () => store.dueBetween(nq57, 'target', WEEK)],
    ["due this week, an agency's tasks", () => store.dueBetween(ag7, 'task', WEEK)],
    ['my tasks', () => store.openTasksOf('U11' as PersonCode)],
    ["an agency's blocked tasks (list)", () => store.byStatus(ag7, 'task', 'blocked', null)],
    ['status of a target with its history', () => store.item('NQ57-12' as ItemCode)],
    ['status of a task with its history', () => store.item('NQ57-12.3' as ItemCode)],
    [
      "the webhook's once-only gate with the sender and the chat's state",
      () => admitInbound(traced.db, 'telegram', 'fresh-update-1', { chatId: '70011', senderId: '70011' }),
    ],
    [
      'a redelivered update at the gate',
      () => admitInbound(traced.db, 'telegram', 'u42', { chatId: '70011', senderId: '70011' }),
    ],
  ];

  it.each(cases)('%s reads the growing tables by index', async (_name, ask) => {
    const plans = await plansOf(ask);
    expect(plans.filter((p) => p.scans.length > 0)).toEqual([]);
  });
});
