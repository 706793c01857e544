// Who answers for an assignee's overdue task: up the agency tree, and the leaders when no head is found.
import type { AgencyCode, ItemView, PersonCode } from '../core/types.ts';
import type { PlanAgency, PlanPerson } from './model.ts';
import { compareCodes } from './order.ts';

/**
 * The people an escalation of `task` goes to: the head of the assignee's agency; when the assignee
 * is that head, or the agency has none, the head of the parent agency, and so on up the tree;
 * when no ancestor has a head other than the assignee, every leader (but never the assignee).
 * A head who is not among `people` cannot be messaged, so counts as no head.
 */
export function superiorsOf(
  task: ItemView,
  people: ReadonlyMap<PersonCode, PlanPerson>,
  agencies: ReadonlyMap<AgencyCode, PlanAgency>,
): PersonCode[] {
  const assignee = task.assignee?.code ?? null;
  const start = (assignee !== null ? people.get(assignee)?.agency : undefined) ?? task.agency;
  const seen = new Set<AgencyCode>();
  for (let code: AgencyCode | null = start; code !== null && !seen.has(code);) {
    seen.add(code);
    const agency = agencies.get(code);
    if (!agency) break;
    if (agency.head !== null && agency.head !== assignee && people.has(agency.head)) return [agency.head];
    code = agency.parent;
  }
  return [...people.values()]
    .filter((p) => p.role === 'leader' && p.code !== assignee)
    .map((p) => p.code)
    .sort(compareCodes);
}
