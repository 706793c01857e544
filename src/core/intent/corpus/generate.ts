// The training corpus: every frame of templates.ts crossed with its fillers and written in every style.
import type { ItemStatus } from '../../types.ts';
import { inStyle, pick, STYLES, typo, type Random, type Style } from './noise.ts';
import {
  FRAMES,
  NOUNS_EN,
  NOUNS_VI,
  PERIODS_EN,
  PERIODS_PAST_EN,
  PERIODS_PAST_VI,
  PERIODS_VI,
  SCOPES_EN,
  SCOPES_VI,
  STATUS_EN,
  STATUS_VI,
  THING_PREDICATES_EN,
  THING_PREDICATES_VI,
  THINGS_EN,
  THINGS_VI,
  type Frame,
  type Label,
} from './templates.ts';

/** Each phrasing as written and in every style (English: as written, lower case, with a typo). */
export function inEveryStyle(
  phrasings: readonly { text: string; label: Label }[],
  random: Random,
): Labelled[] {
  const out: Labelled[] = [];
  for (const { text, label } of phrasings) {
    if (!/[^\x00-\x7f]/u.test(text) && ENGLISH.test(text)) {
      out.push({ text, label, style: 'english' }, { text: text.toLowerCase(), label, style: 'english' });
      out.push({ text: typo(text, random), label, style: 'typo' });
      continue;
    }
    for (const style of STYLES) out.push({ text: inStyle(text, style, random), label, style });
    // A second noisy copy: shorthand and a typo together, as people really type.
    out.push({ text: typo(inStyle(text, 'shorthand', random), random), label, style: 'shorthand' });
  }
  return out;
}

/** An unmarked phrasing is English when it has an English word (else it is Vietnamese typed without marks). */
const ENGLISH =
  /\b(the|what|which|is|are|of|for|to|my|me|how|show|list|tasks?|targets?|items?|due|late|please|do|did|anything|this|any|can|you)\b/iu;

export interface Labelled {
  text: string;
  label: Label;
  style: Style;
}

const STATUSES: readonly ItemStatus[] = ['blocked', 'done', 'in_progress', 'not_started'];

/** One sentence of a frame, its holes filled at random. */
export function fill(frame: Frame, random: Random): string {
  const english = frame.en === true;
  const status = pick(random, STATUSES);
  const text = frame.text
    .replace('{N}', () => pick(random, english ? NOUNS_EN : NOUNS_VI))
    .replace('{S}', () => pick(random, english ? SCOPES_EN : SCOPES_VI))
    .replace('{PP}', () => pick(random, english ? PERIODS_PAST_EN : PERIODS_PAST_VI))
    .replace('{P}', () => pick(random, english ? PERIODS_EN : PERIODS_VI))
    .replace('{STI}', () => pick(random, STATUS_VI.in_progress).replace(/^đang /u, ''))
    .replace('{ST}', () => pick(random, (english ? STATUS_EN : STATUS_VI)[status]));
  return text.replace(/\s+/gu, ' ').trim();
}

const KEYS = 'qwertyuiopasdfghjklzxcvbnm';

/** Keyboard mash ("asdfgh", "jjj kk"): never a question. */
function gibberish(random: Random): string {
  const words = 1 + Math.floor(random() * 2);
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    const start = Math.floor(random() * 20);
    const len = 3 + Math.floor(random() * 6);
    const run = random() < 0.5;
    let word = '';
    for (let i = 0; i < len; i++) word += KEYS.charAt(run ? (start + i) % 26 : Math.floor(random() * 26));
    out.push(word);
  }
  return out.join(' ');
}

/** `perFrame` sentences of every frame, each in a style drawn in turn. */
export function generate(random: Random, perFrame = 14): Labelled[] {
  const out: Labelled[] = [];
  for (const frame of FRAMES) {
    const english = frame.en === true;
    for (let n = 0; n < perFrame; n++) {
      const careful = fill(frame, random);
      if (english) {
        const style: Style = n % 3 === 2 ? 'typo' : 'english';
        const text = style === 'typo' ? typo(careful, random) : n % 2 ? careful.toLowerCase() : careful;
        out.push({ text, label: frame.label, style });
        continue;
      }
      const style = STYLES[n % STYLES.length]!;
      out.push({ text: inStyle(careful, style, random), label: frame.label, style });
    }
  }
  for (let n = 0; n < 150; n++) out.push({ text: gibberish(random), label: 'unknown', style: 'ood' });
  for (let n = 0; n < 300; n++) {
    const english = n % 4 === 3;
    const frame = pick(random, english ? THING_PREDICATES_EN : THING_PREDICATES_VI);
    const careful = frame.replace('{T}', pick(random, english ? THINGS_EN : THINGS_VI));
    const style = english ? 'english' : STYLES[n % STYLES.length]!;
    out.push({ text: english ? careful : inStyle(careful, style, random), label: 'unknown', style: 'ood' });
  }
  return out;
}
