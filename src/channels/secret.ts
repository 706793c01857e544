// The one secret check: every messenger's webhook and the /metrics bearer token use it; constant time,
// and never open by accident.
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares digests, so neither the content nor the length of the secret leaks through timing.
 * An empty configured secret matches nothing (a missing header must never pass).
 */
export function secretMatches(expected: string, given: string | null | undefined): boolean {
  if (expected.length === 0 || given === undefined || given === null) return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
