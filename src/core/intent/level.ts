// Whether a question is about targets (what leaders track) or tasks (what staff do), read with the rest
// of the message so no answer reads the text again.
import type { Level } from '../ports.ts';

const TARGET_WORDS = /(?<![\p{L}\p{N}])(muc tieu|chi tieu|targets?)(?![\p{L}\p{N}])/u;
const TASK_WORDS = /(?<![\p{L}\p{N}])(nhiem vu|cong viec|viec|tasks?)(?![\p{L}\p{N}])/u;

/**
 * The word the person used wins, the first one when both appear; otherwise tasks when an agency is
 * named (an agency does tasks) and targets for the province or a programme. `folded`: lower case, no marks.
 */
export function levelOfFolded(folded: string, agencyNamed: boolean): Level {
  const target = TARGET_WORDS.exec(folded)?.index ?? -1;
  const task = TASK_WORDS.exec(folded)?.index ?? -1;
  if (target >= 0 && (task < 0 || target < task)) return 'target';
  if (task >= 0) return 'task';
  return agencyNamed ? 'task' : 'target';
}
