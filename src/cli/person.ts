// The person a command names, by code or full name, as `assign` and `invite` both take them.
import { findPerson } from '../core/assign.ts';
import type { Person } from '../core/ports.ts';

/** Candidates listed at most for a partial or shared name; narrowing the name finds the rest. */
const MAX_CANDIDATES = 10;

/**
 * The one person `written` names (a code, or a full name with or without diacritics). A name that is
 * only part of some names, or that several people share, is refused with the candidates and their
 * codes, so the next try can use the code; the caller exits 1 with this message.
 */
export function personNamed(written: string, directory: readonly Person[]): Person {
  const match = findPerson(written, directory);
  if (match.kind === 'one') return match.person;
  if (match.kind === 'none')
    throw new Error(`unknown person: ${written} (write a person code or a full name)`);
  const candidates = match.people
    .slice(0, MAX_CANDIDATES)
    .map((p) => `${p.code} ${p.name}`)
    .join(', ');
  const more =
    match.people.length > MAX_CANDIDATES ? `, and ${match.people.length - MAX_CANDIDATES} more` : '';
  throw new Error(
    match.kind === 'partial'
      ? `“${written}” is not one person's full name; candidates: ${candidates}${more}: write the person code`
      : `several people are called ${written} (${candidates}${more}): write the person code`,
  );
}
