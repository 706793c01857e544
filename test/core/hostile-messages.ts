// Generated hostile chat traffic for hostile.property.test.ts: what a careless phone, a copy-paste from
// Word, or an attacker sends. Deterministic from a seed, so a failure is replayed by its seed and index.
import type { ButtonAction } from '../../src/core/reply.ts';
import type { ItemCode, ItemStatus, Percent } from '../../src/core/types.ts';
import { demoLexicon } from '../helpers/demo-lexicon.ts';

/** mulberry32: tiny, fast and fully determined by its 32-bit seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Gen {
  rand: () => number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function gen(seed: number): Gen {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  return { rand, int, pick: (xs) => xs[int(0, xs.length - 1)]!, chance: (p) => rand() < p };
}

/** One generated message: text, or a forged button press; `sameIdAsPrevious` re-sends the last message's id. */
export interface Hostile {
  family: string;
  text: string;
  action: ButtonAction | null;
  replyToItem: ItemCode | null;
  sameIdAsPrevious: boolean;
}

const FULL_WIDTH = (s: string) =>
  [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
const LOOKALIKE_LETTERS: Record<string, string[]> = {
  N: ['Ν', 'Ｎ'],
  Q: ['Ｑ', 'Ԛ'],
  A: ['Α', 'А'],
  D: ['Ｄ'],
  C: ['С', 'Ϲ'],
  S: ['Ѕ'],
  O: ['О', 'Ο'],
  B: ['В', 'Β'],
};
const DIGIT_SETS = [0x0660, 0x06f0, 0xff10, 0x0966]; // Arabic-Indic, extended Arabic-Indic, full-width, Devanagari
const DASHES = ['-', '–', '—', '‐', '−', '－', ' - ', '_', ''];
const DOTS = ['.', '．', '。', ',', '·', ' . '];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u00ad', '\u200e', '\u200f'];
const BIDI = ['\u202e', '\u202d', '\u202a', '\u202b', '\u2066', '\u2067', '\u2068', '\u2069'];
// prettier-ignore
const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0085', '\u009b',
];
const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00'];
const EMOJI = ['🔥', '✅', '⚠️', '👨‍👩‍👧', '🇻🇳', '👍🏽', '🙏', '📊', '🟢', '⚪', '🔴', '💯', '🤖'];

// prettier-ignore
const PERCENTS = [
  '80.5%', '80,5%', '99.99%', '-20%', '- 20%', '1e3%', '999999999999%', '20% 90%', '50% 50%', '0%', '100%',
  '101%', '-0%', '+50%', '50 %', '50％', '٥٠%', 'NaN%', 'Infinity%', '0x50%', '1/2%', '50%%', '%50', '.5%',
  '05%', '007%', '1,000%', '1.000%', '12.3%', '٪80', '80٪', '8 0%', '4294967296%', '9007199254740993%',
];
// prettier-ignore
const GARBAGE_CODES = [
  'NQ57-12.3x', 'NQ57-99999.99999', 'NQ57-1e1', 'XX-1.1', 'NQ57-12.3.4', 'NQ57--12', 'NQ57-0.0', 'ZZ99-01.1',
  'NQ57-12.', 'NQ5７-12.3', 'NQ57-12,3', 'NQ57-012.003', 'NQ57-12.30', 'DA06-99', 'CDS25-4.2.1', 'NQ-57-12.3',
  'NQ57−12.3', 'NQ57-12.3-', 'N Q 5 7 - 1 2 . 3', 'NQ57-١٢.٣x', 'nq57_12_3', 'NQ57/12/3', 'NQ57-12.3e2',
  'AAAAAAAAAAAAAAAAAAAAAAAA-1.1', 'NQ57-99999999999999999999', 'NQ57-0x1F', 'NQ57-Infinity', 'NQ57-NaN',
];
// prettier-ignore
const NOTES = [
  'đã lắp xong trạm 5G', 'chờ kinh phí', 'r a', 'đã tích hợp xong API', 'r', 'ok', 'installed the stations',
  'đang làm', 'xong rồi nhé', 'đã khảo sát', '', 'dc', 'nha', 'ạ', 'waiting for funds',
];
// prettier-ignore
const STATUS_WORDS = [
  'xong', 'hoàn thành', 'vướng', 'vướng: chờ kinh phí', 'done', 'blocked: waiting', 'đang làm', 'chưa làm',
  'dc 50% r a',
];
// prettier-ignore
const QUESTIONS = [
  'tiến độ NQ57-12', 'tiến độ NQ57-06.3', 'việc của tôi', 'my tasks', 'trang sau', 'next', 'có', 'không',
  'yes', 'no', '/help', 'mục tiêu NQ57 nào quá hạn?', 'nhiệm vụ nào chậm tiến độ', 'tổng hợp',
  'tổng hợp tiến độ NQ57', 'việc gì sắp đến hạn tuần này', 'trước 30/9', 'Sở KH&CN đạt bao nhiêu chỉ tiêu',
  'yêu cầu giải trình NQ57-04.2', '/giaitrinh NQ57-04', 'giải trình: đang chờ bổ sung kinh phí',
  'giải trình NQ57-12: thiếu thiết bị', 'giải trình:', '/giao NQ57-12.3 P09', 'giao NQ57-12.3 cho Nguyễn',
  '/bantin bat', '/bantin tat', '/digest on', '/start ABCDEF', '/start', '/start ' + 'A'.repeat(300),
  'which tasks of the Department of Science are overdue', 'tiến độ', 'NQ57-12.3 đến đâu rồi?',
  'status of DA06-03', '/quahan NQ57', '/tonghop DA06',
];
// prettier-ignore
const INJECTIONS = [
  "'; drop table tasks; --", '<script>alert(1)</script>', '<b>x</b></code>&amp;', "NQ57-12.3' OR '1'='1",
  '${jndi:ldap://x/a}', '{{7*7}}', '%s%n%x', '\\x00\\u0000', "Robert'); DROP TABLE history;--", '__proto__',
  '{"constructor":{"prototype":{"x":1}}}', '$(rm -rf /)', '`id`', '../../etc/passwd', 'null', 'undefined',
  '<img src=x onerror=alert(1)>', '\\', '"', "'", 'select * from people', '\u0000\u0000\u0000',
];
/** Bot sentences typed back at it: a forged confirmation must not be mistaken for one. */
// prettier-ignore
const FORGED_SENTENCES = [
  '✅ NQ57-06.3 x: 30% → 100% (hoàn thành)', '⚠️ Bạn chắc chứ?', 'Trang 1/3 — gõ “trang sau” để xem tiếp',
  '📨 Đang gửi tới Trịnh Thu Trang qua Telegram.',
];

const STATUSES: ItemStatus[] = ['done', 'in_progress', 'blocked', 'not_started'];
// prettier-ignore
const BAD_PERCENTS = [
  null, 0, 1, 50, 99, 100, -1, 101, 80.5, 99.99, NaN, Infinity, -Infinity, 1e21, -0, 2 ** 53,
];
const BAD_PAGES = [0, -1, 1, 2, 3, 4, 9999, 1.5, NaN, Infinity, -Infinity, 1e9, 2 ** 31, 0.0001];
// prettier-ignore
const BAD_LISTS = [
  null, '', '0', '1', '2', '3', '5', 'a', 'zzzzzzzzzz', '__proto__', 'constructor', '-1', 'NaN',
];

export function hostileMessages(g: Gen, codes: readonly ItemCode[], mine: readonly ItemCode[]) {
  const code = (): string => (g.chance(0.5) && mine.length > 0 ? g.pick(mine) : g.pick(codes));
  const noise = (s: string, set: readonly string[], n = g.int(1, 4)): string => {
    let out = s;
    for (let i = 0; i < n; i++) {
      const at = g.int(0, out.length);
      out = out.slice(0, at) + g.pick(set) + out.slice(at);
    }
    return out;
  };
  const lookalike = (c: string): string => {
    if (g.chance(0.25)) return FULL_WIDTH(c);
    const digits = g.pick(DIGIT_SETS);
    return [...c]
      .map((ch) => {
        if (/[0-9]/.test(ch) && g.chance(0.4)) return String.fromCharCode(digits + Number(ch));
        if (ch === '-' && g.chance(0.5)) return g.pick(DASHES);
        if (ch === '.' && g.chance(0.5)) return g.pick(DOTS);
        const alts = LOOKALIKE_LETTERS[ch];
        if (alts && g.chance(0.4)) return g.pick(alts);
        return g.chance(0.2) ? ch.toLowerCase() : ch;
      })
      .join('');
  };
  const pct = (): string => (g.chance(0.5) ? `${g.int(0, 100)}%` : g.pick(PERCENTS));
  const update = (c: string): string => {
    const parts = [c];
    if (g.chance(0.7)) parts.push(pct());
    if (g.chance(0.3)) parts.push(g.pick(STATUS_WORDS));
    if (g.chance(0.5)) parts.push(g.pick(NOTES));
    const sep = g.pick([' ', ' - ', ', ', ': ', '  ', '\n', '\t']);
    return parts.join(sep);
  };
  const badItem = (): string =>
    g.pick([code(), code().toLowerCase(), lookalike(code()), g.pick(GARBAGE_CODES), '', 'NQ57', 'P10']);
  const forged = (): ButtonAction => {
    switch (g.int(0, 3)) {
      case 0:
        return {
          kind: 'update',
          item: badItem() as ItemCode,
          status: g.pick(STATUSES),
          percent: g.pick(BAD_PERCENTS) as Percent | null,
        };
      case 1:
        return { kind: 'snooze', item: badItem() as ItemCode };
      case 2:
        return { kind: 'page', list: g.pick(BAD_LISTS), page: g.pick(BAD_PAGES) };
      default:
        return { kind: 'confirm', yes: g.chance(0.5) };
    }
  };
  const huge = (): string => {
    const unit = g.pick(['a', 'NQ57-12.3 ', '\ud800', 'ạ', '🔥', '80% ', 'x\u200b', ' ']);
    return `${g.chance(0.5) ? `${code()} 50% ` : ''}${unit.repeat(Math.ceil(g.int(10_000, 100_000) / unit.length))}`;
  };

  const families: [string, number, () => string | ButtonAction][] = [
    ['real update', 14, () => update(code())],
    [
      'bare update after an item',
      6,
      () => g.pick([pct(), g.pick(STATUS_WORDS), `${pct()} ${g.pick(NOTES)}`]),
    ],
    ['look-alike code', 12, () => update(lookalike(code()))],
    ['code-shaped garbage', 10, () => update(g.pick(GARBAGE_CODES))],
    ['odd percent', 8, () => `${code()} ${g.pick(PERCENTS)} ${g.chance(0.3) ? g.pick(PERCENTS) : ''}`],
    ['lone surrogate', 6, () => noise(update(code()), SURROGATES)],
    ['control characters', 6, () => noise(update(code()), CONTROLS, g.int(1, 8))],
    ['zero-width and bidi', 6, () => noise(update(code()), [...INVISIBLES, ...BIDI], g.int(1, 6))],
    ['emoji', 4, () => noise(g.chance(0.5) ? update(code()) : g.pick(QUESTIONS), EMOJI)],
    ['injection', 5, () => g.pick([g.pick(INJECTIONS), `${code()} 40% ${g.pick(INJECTIONS)}`])],
    ['forged sentence', 2, () => g.pick(FORGED_SENTENCES)],
    ['question or command', 10, () => g.pick(QUESTIONS)],
    ['huge text', 1, huge],
    ['forged button', 14, forged],
    ['blank', 2, () => g.pick(['', ' ', '\n\n', '\u200b', '...', '🔥🔥', '\ud800\udc00', '\u0000'])],
  ];
  const total = families.reduce((s, [, w]) => s + w, 0);

  return (): Hostile => {
    let r = g.int(1, total);
    const [family, , make] = families.find(([, w]) => (r -= w) <= 0)!;
    const made = make();
    const isAction = typeof made !== 'string';
    return {
      family,
      text: isAction ? '' : made,
      action: isAction ? made : null,
      replyToItem: !isAction && g.chance(0.1) ? (g.pick(codes) as ItemCode) : null,
      sameIdAsPrevious: g.chance(0.02),
    };
  };
}

/** The oracle's own reading of look-alikes (independent of the parser's): the generator's swaps undone. */
const UNDO = new Map<string, string>([
  ...Object.entries(LOOKALIKE_LETTERS).flatMap(([ascii, alts]) =>
    alts.map((a) => [a, ascii] as [string, string]),
  ),
  ...DIGIT_SETS.flatMap((base) =>
    Array.from({ length: 10 }, (_, d) => [String.fromCharCode(base + d), String(d)] as [string, string]),
  ),
  ...['–', '—', '‐', '−', '－'].map((d) => [d, '-'] as [string, string]),
  ...['．', '。'].map((d) => [d, '.'] as [string, string]),
]);

/** A demo programme's code with an item number glued to it ("DA0602.3"). */
const GLUED_TO_PROGRAM = new RegExp(
  `(?<![A-Z\\d])(${demoLexicon()
    .programs.map((p) => p.code)
    .join('|')})(\\d{1,3}(?:\\.\\d+)?)(?!\\d)`,
  'g',
);

/** Item numbers without their leading zeros: NQ57-06.3 and NQ57-6.3 name the same item. */
export const sameCode = (c: string): string => c.toUpperCase().replace(/(?<=[-.])0+(?=\d)/g, '');

/**
 * The item codes a text names, as the oracle reads it: NFKC, the generator's look-alikes undone,
 * invisible characters dropped, spaces around "-" closed, leading zeros of numbers dropped.
 */
export function namedCodes(text: string): string[] {
  // As the core's edge does: line ends as "\n", other control characters (but tab) and format ones gone.
  const clean = text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\t\n]|\p{Cf}/gu, '');
  const folded = [...clean]
    .map((ch) => UNDO.get(ch) ?? ch)
    .join('')
    .toUpperCase()
    .replace(/[ \t]*-[ \t]*/g, '-')
    // "nq57_12_3": underscores for the hyphen and the dot; "DA0602.3": no separator after the
    // programme's code (the parser cuts glued digits only at a known programme).
    .replace(
      /(?<![A-Z\d])([A-Z]+\d+)_(\d+)(?:_(\d+))?(?![\d_])/g,
      (_, head: string, item: string, sub?: string) =>
        sub === undefined ? `${head}-${item}` : `${head}-${item}.${sub}`,
    )
    .replace(GLUED_TO_PROGRAM, '$1-$2')
    // "NQ57-12,3": the decimal comma Vietnamese writes, glued between the numbers.
    .replace(/(?<=[A-Z]\d*-\d+),(?=\d)/g, '.')
    // "NQ57/12.3", "da 06/3": a slash for the hyphen, unless a second one makes it a date ("06/3/2025").
    .replace(/(?<=[A-Z]+ ?\d+)\/(?=\d{1,2}(?:\.\d+)?(?![\d/]))/g, '-');
  // "NQ57-12.3", "NQ-57-12.3", "NQ 57-12.3", "nq57 12.3".
  const found = folded.matchAll(/(?<![A-Z])([A-Z]+)[- ]?(\d+)(?:-|\s+(?=\d+\.\d))(\d+(?:\.\d+)*)/g);
  return [...found].map((m) => sameCode(`${m[1]}${m[2]}-${m[3]}`));
}
