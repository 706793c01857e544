// Who may ask and change what: pure rules over the sender and the item, each refusal one line of why.
import { messages } from './messages.ts';
import type { Person } from './ports.ts';
import type { ItemView, Lang } from './types.ts';

export type Permission = { ok: true } | { ok: false; why: string };

const OK: Permission = { ok: true };

/** Programme data goes only to registered people; an unknown sender only learns how to register. */
export function canAsk(person: Person | null): boolean {
  return person !== null;
}

const isLeader = (person: Person): boolean => person.role === 'leader' || person.role === 'admin';

/** Who acts for the whole province: admins, and leaders of a province-level body (not a commune or ward). */
const actsForProvince = (person: Person): boolean =>
  person.role === 'admin' || (person.role === 'leader' && person.local !== true);

/**
 * Leaders and admins update anything, except that a commune's or ward's leader updates only its items. Staff update the tasks of their own agency or assigned to them,
 * and only the targets their agency leads: someone else's work is reported by its owners.
 */
export function canUpdate(
  person: Person,
  item: Pick<ItemView, 'kind' | 'code' | 'agency' | 'agencyName' | 'assignee'>,
  lang: Lang,
): Permission {
  if (actsForProvince(person)) return OK;
  const m = messages(lang);
  const agency = item.agencyName[lang] || item.agencyName.vi;
  if (item.kind === 'task') {
    if (item.agency === person.agency || item.assignee?.code === person.code) return OK;
    return { ok: false, why: m.notYourTask(item.code, agency) };
  }
  if (item.agency === person.agency) return OK;
  return { ok: false, why: m.notYourTarget(item.code, agency) };
}

/** Asking for an explanation is a leader's lever; staff chase each other through their leaders. */
export function canRequestExplanation(person: Person, lang: Lang): Permission {
  return isLeader(person) ? OK : { ok: false, why: messages(lang).leadersOnly };
}

/** Who does which task is the administrators' call: leaders ask for explanations, staff report. */
export function canReassign(person: Person, lang: Lang): Permission {
  return person.role === 'admin' ? OK : { ok: false, why: messages(lang).assignAdminsOnly };
}

/** A steering committee's group gets the daily digest when one of its leaders (or an admin) asks for it. */
export function canManageGroupDigest(person: Person, lang: Lang): Permission {
  return isLeader(person) ? OK : { ok: false, why: messages(lang).digestLeadersOnly };
}

/** Who signs in to the console: administrators and leaders (the bootstrap admin aside). */
export function canUseConsole(person: Pick<Person, 'role'>): boolean {
  return person.role === 'leader' || person.role === 'admin';
}

/** What the console shows a person: everything, or their own agency's items and the tasks assigned to them. */
export type ConsoleScope = { all: true } | { all: false; agency: Person['agency']; person: Person['code'] };

export function consoleScope(person: Person | null): ConsoleScope {
  if (person === null || actsForProvince(person)) return { all: true };
  return { all: false, agency: person.agency, person: person.code };
}

/** Whether an item is within a console scope. */
export function inScope(
  scope: ConsoleScope,
  item: Pick<ItemView, 'agency'> & { assignee: { code: Person['code'] } | null },
): boolean {
  return scope.all || item.agency === scope.agency || item.assignee?.code === scope.person;
}

/**
 * What a person reads in the chat: a commune's or ward's leader reads his own agency's items and the
 * tasks assigned to him (the console's scope); everyone else reads the whole province, as before.
 */
export function chatReadScope(person: Person): ConsoleScope {
  return person.role === 'leader' ? consoleScope(person) : { all: true };
}
