// Whether a message about one item asks its owner to explain it, in words other than "giải trình": a
// demand a few words before the word of explanation, or the cause of its lateness asked or demanded.
import type { Analysis } from './analysis.ts';
import {
  ASK_OF,
  CLARIFY_DEMANDED,
  CAUSE_ASKED,
  CAUSES,
  DEMAND_PLAIN,
  EXPLAIN,
  HAND_IN,
  OVERDUE,
  STALLED,
  STATUS_OF,
  STATUS_PHRASES,
} from './keywords.ts';
import { findPhrase, hasPhrase, matchAt, type Phrase } from './phrases.ts';

/** How far before its object a demand may stand: "đề nghị đơn vị chủ trì | giải trình". */
const REACH = 6;

/**
 * A word of explanation demanded after the code ("DA06-04.1 đến nay vẫn chưa xong, đề nghị đơn vị chủ
 * trì giải trình"): a leader's request however the item stands.
 */
export function demandsExplanation(a: Analysis, codeIndex: number): boolean {
  return demandedAt(a, EXPLAIN, ASK_OF, codeIndex + 1);
}

/**
 * "Chủ tịch yêu cầu Công an tỉnh làm rõ DA06-08", "bảo bên Công an giải thích việc DA06-05 chậm": to
 * clarify or explain an item, demanded, is to explain it.
 */
export function demandsClarity(a: Analysis): boolean {
  return demandedAt(a, CLARIFY_DEMANDED, DEMAND_PLAIN, 0);
}

/**
 * "Tại sao NQ57-12 chậm?", "ai chịu trách nhiệm vụ CDS25-05 chậm", "đề nghị … báo cáo rõ nguyên nhân
 * chậm", "who dropped the ball on DA06-11.2 and why it is late", "tại sao DA06-11 chỉ đạt 40%": the
 * cause of or the blame for lateness or a shortfall, asked or demanded. A cause stated ("chậm do thiếu vốn", "nguyên nhân là …") is a report's note.
 */
export function asksWhyLate(a: Analysis): boolean {
  const asked = hasPhrase(a.tokens, CAUSE_ASKED) || demandedAt(a, CAUSES, HAND_IN, 0);
  return asked && (hasPhrase(a.tokens, OVERDUE) || hasPhrase(a.tokens, STALLED) || notDone(a) || shortOf(a));
}

/** "tại sao DA06-11 chỉ đạt 40%", "sao … mới 50% vậy": a percent short of done, its cause asked. */
const shortOf = (a: Analysis): boolean => a.percents.some((p) => p.value >= 0 && p.value < 100);

/** Whether a phrase of `what` has a phrase of `demand` at most REACH words before it, from `from` on. */
function demandedAt(a: Analysis, what: readonly Phrase[], demand: readonly Phrase[], from: number): boolean {
  for (let at = from; ;) {
    const hit = findPhrase(a.tokens, what, at);
    if (hit === null) return false;
    if (hasPhrase(a.tokens, demand, Math.max(from, hit.start - REACH), hit.start)) return true;
    at = hit.start + 1;
  }
}

/** A status other than done named anywhere ("vướng", "chưa bắt đầu"). */
function notDone(a: Analysis): boolean {
  return a.tokens.some((_, i) => {
    const p = matchAt(a.tokens, i, STATUS_PHRASES);
    return p !== null && STATUS_OF.get(p)?.status !== 'done';
  });
}
