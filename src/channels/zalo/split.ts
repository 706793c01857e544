// Splits a long reply into Zalo-sized messages along line boundaries, never breaking a character.
import { ZALO_MAX_TEXT } from './api-types.ts';

/** How far a hard cut may step back to avoid splitting a character cluster before giving up on it. */
const MAX_CLUSTER_BACKOFF = 32;
// Combining marks (decomposed Vietnamese; variation selectors are marks too), ZWJ and skin-tone
// modifiers all belong to the character before them.
const CLUSTER_CONTINUATION = /^(?:\p{M}|\u200D|\p{Emoji_Modifier})/u;

function isLowSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when cutting before index i would separate it from the character before. */
function splitsCluster(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  if (isLowSurrogateAt(s, i)) return true;
  if (s.charCodeAt(i - 1) === 0x200d) return true;
  return CLUSTER_CONTINUATION.test(s.slice(i, i + 2));
}

/** Index at which to cut a line longer than max: after the last space, else the last safe boundary. */
function cutPoint(line: string, max: number): number {
  const space = line.lastIndexOf(' ', max - 1);
  if (space > 0) return space + 1; // the space stays at the end of the first piece, so nothing is lost
  let cut = max;
  while (cut > max - MAX_CLUSTER_BACKOFF && cut > 1 && splitsCluster(line, cut)) cut--;
  if (!splitsCluster(line, cut)) return cut;
  // A pathological cluster longer than the back-off window: at least never halve a surrogate pair.
  return isLowSurrogateAt(line, max) ? max - 1 : max;
}

/**
 * Splits `text` into chunks of at most `max` UTF-16 units for sendMessage. Lines are kept whole and packed
 * greedily; a line longer than `max` is cut after a space, or hard-cut as a last resort. The newline at
 * each split point is dropped, as are blank lines at the edge of a chunk; no chunk is empty.
 */
export function splitForZalo(text: string, max: number = ZALO_MAX_TEXT): string[] {
  // Two units is the least that always fits one whole code point.
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be an integer ≥ 2, got ${max}`);
  if (text.length <= max) return text.length === 0 ? [] : [text];

  const chunks: string[] = [];
  let current: string | null = null;
  const flush = (): void => {
    const chunk = current?.replace(/\n+$/, '');
    if (chunk) chunks.push(chunk);
    current = null;
  };

  for (const line of text.split('\n')) {
    if (current !== null && current.length + 1 + line.length <= max) {
      current += `\n${line}`;
      continue;
    }
    flush();
    // A blank line opening a chunk would only show as a gap at the top of the message.
    if (line.length === 0) continue;
    let rest = line;
    while (rest.length > max) {
      const cut = cutPoint(rest, max);
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  flush();
  return chunks;
}
