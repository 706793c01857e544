// Zalo and Telegram shorthand read as the words it stands for ("dc" → "được", "hnay" → "hôm nay"), in the
// folded text the parser matches on, while notes keep being cut verbatim from what the person wrote.
import type { Folded } from './normalize.ts';

/**
 * Shorthand as people type it in chat, lower case, and the words it stands for (with their diacritics, so
 * "chấm" and "chậm" stay apart). Written in capitals it is a name instead ("Sở NV" is Sở Nội vụ).
 */
const SHORTHAND: Readonly<Record<string, string>> = {
  ko: 'không',
  k: 'không',
  kg: 'không',
  khg: 'không',
  hok: 'không',
  hong: 'không',
  // The South's "không", typed with its marks: "hổng làm tiếp được", "có việc nào trễ hông".
  hổng: 'không',
  hông: 'không',
  dl: 'deadline',
  dc: 'được',
  đc: 'được',
  r: 'rồi',
  j: 'gì',
  bn: 'bao nhiêu',
  nv: 'nhiệm vụ',
  vc: 'việc',
  ntn: 'như thế nào',
  e: 'em',
  'a/c': 'anh chị',
  'y/c': 'yêu cầu',
  hnay: 'hôm nay',
  hnai: 'hôm nay',
  hdsd: 'hướng dẫn sử dụng',
  trc: 'trước',
  bgio: 'bao giờ',
  nhe: 'nhé',
  vs: 'với',
  cx: 'cũng',
  mk: 'mình',
  lm: 'làm',
  cv: 'công việc',
  ds: 'danh sách',
  bc: 'báo cáo',
  hd: 'hướng dẫn',
  ktra: 'kiểm tra',
  chx: 'chưa',
  nx: 'nữa',
  thg: 'tháng',
  t: 'tôi',
  qh: 'quá hạn',
  ct: 'chỉ tiêu',
  đv: 'đơn vị',
  đvị: 'đơn vị',
  dvi: 'đơn vị',
  tk: 'thống kê',
  ht: 'hoàn thành',
  gt: 'giải trình',
  bđ: 'bắt đầu',
  bd: 'bắt đầu',
  kq: 'kết quả',
  vde: 'vấn đề',
  vđ: 'vấn đề',
  xog: 'xong',
  xon: 'xong',
  xg: 'xong',
  đg: 'đang',
  dg: 'đang',
  nhg: 'những',
  mik: 'mình',
  nhìu: 'nhiều',
  nhiu: 'nhiều',
  bik: 'biết',
  bít: 'biết',
  bh: 'bây giờ',
  yc: 'yêu cầu',
  gtrình: 'giải trình',
  gtrinh: 'giải trình',
  hum: 'hôm',
  tđ: 'tiến độ',
  td: 'tiến độ',
  // A word's first consonant, then its second syllable whole: "hthành", "bđầu", "ctiêu", "nvụ".
  hthành: 'hoàn thành',
  hthanh: 'hoàn thành',
  bđầu: 'bắt đầu',
  bdau: 'bắt đầu',
  ctiêu: 'chỉ tiêu',
  ctieu: 'chỉ tiêu',
  nvụ: 'nhiệm vụ',
  nvu: 'nhiệm vụ',
  tđộ: 'tiến độ',
  tdo: 'tiến độ',
  qhạn: 'quá hạn',
  qhan: 'quá hạn',
  sđt: 'số điện thoại',
  sdt: 'số điện thoại',
  mt: 'mục tiêu',
  // The South's "dz" for "v": "xong chưa dzậy", "dzô".
  dzậy: 'vậy',
  dzay: 'vậy',
  dzô: 'vô',
  dzo: 'vô',
  // The Centre's words ("việc ni răng rồi", "cái chi quá hạn rứa", "bot ni xài răng hỉ").
  răng: 'sao',
  rứa: 'vậy',
  rua: 'vậy',
  ni: 'này',
  hỉ: 'nhỉ',
};

/**
 * Words read by the word before (or after) them, ahead of the table above. "chi" is the Centre's "gì" after a word
 * of work or "cái" ("việc chi", "cái chi"); elsewhere, typed without its mark, it may be "chị". "nhìu" is
 * "nhiều" but "bao nhiu" is "bao nhiêu" (how many), and so is "bao nhiều", whose tone slipped: `marked`
 * words are read so even typed with marks ("việc chị làm" keeps its "chị").
 */
const AFTER: ReadonlyMap<
  string,
  { word: string; after: ReadonlySet<string>; before?: ReadonlySet<string>; marked?: true }
> = new Map([
  // "yc bc rõ ng.nhân", "ng nhân chậm": "nguyên" before "nhân"; elsewhere "ng" is as often "người".
  ['ng', { word: 'nguyên', after: new Set<string>(), before: new Set(['nhan']) }],
  ['chi', { word: 'gì', after: new Set(['viec', 'vc', 'cai', 'vu', 'tieu', 'task', 'lam', 'co', 'han']) }],
  ['nhiu', { word: 'nhiêu', after: new Set(['bao']), marked: true }],
  ['nhieu', { word: 'nhiêu', after: new Set(['bao']), marked: true }],
  // "ai chịu tn": the blame; elsewhere "tn" is as often "tin nhắn".
  ['tn', { word: 'trách nhiệm', after: new Set(['chiu']) }],
  // The Centre's "mô" (nào) after a word it asks about: "việc mô", "xã mô", "chỉ tiêu mô".
  [
    'mo',
    {
      word: 'nào',
      after: new Set([
        'viec',
        'vc',
        'cai',
        'tieu',
        'vu',
        'xa',
        'phuong',
        'so',
        'vi',
        'ban',
        'ngay',
        'task',
        'ben',
      ]),
      marked: true,
    },
  ],
  // The South's "mần" (làm) after a word that takes a verb: "tui phải mần", "đang mần", "tới chừ mần"
  // (not "mận").
  [
    'man',
    {
      word: 'làm',
      after: new Set([
        'phai',
        'dang',
        'da',
        'chua',
        'se',
        'can',
        'di',
        'tui',
        'toi',
        'em',
        'minh',
        'ma',
        'gio',
        'chu',
      ]),
      // "mần được sáu chục phần trăm", "mần xong": a verb's object or result after it.
      before: new Set(['duoc', 'xong', 'tiep']),
      marked: true,
    },
  ],
]);

/** "a" alone is "anh" mid-sentence but the polite "ạ" at the end ("xong r a"); "v", "z" end on "vậy". */
const FINAL_SHORTHAND: Readonly<Record<string, string>> = { a: 'ạ', v: 'vậy', z: 'vậy' };

const fold = (word: string): string =>
  word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').toLowerCase();

const BY_FOLD = new Map(Object.entries(SHORTHAND).map(([k, v]) => [fold(k), v] as const));
/**
 * Typed without marks, only a key written without them: "hi" is a greeting, not the Centre's "hỉ"; "rang"
 * is as often "rằng" as "răng". A marked key's bare form is read only where the table lists it too.
 */
const BY_ASCII = new Map(Object.entries(SHORTHAND).filter(([k]) => /^[\x00-\x7f]+$/u.test(k)));
const FINAL_BY_FOLD = new Map(Object.entries(FINAL_SHORTHAND).map(([k, v]) => [fold(k), v] as const));

const MARKED_KEYS = new Set(Object.keys(SHORTHAND).filter((k) => /[^\x00-\x7fđ/]/u.test(k)));

const WORD = /[ay]\/c|[\p{L}\p{N}]+/gu;

/** The written form, so capitals (a name, an abbreviation) and words with diacritics are left alone. */
function written(folded: Folded, source: string, start: number, end: number): string {
  return source.slice(folded.toOrig[start] ?? 0, folded.toOrig[end] ?? source.length);
}

/**
 * Rewrites shorthand words of `folded` (the fold of `source`) into what they stand for. Every new
 * character maps back to where the shorthand starts, and `marked` records each new word's diacritics.
 */
export function expandShorthand(folded: Folded, source: string): Folded {
  const text = folded.text;
  const matches = [...text.matchAll(WORD)];
  const last = matches.length - 1;
  let out = '';
  const toOrig: number[] = [];
  const marked = new Map(folded.marked ?? []);
  let at = 0;
  matches.forEach((m, i) => {
    const start = m.index;
    const end = start + m[0].length;
    const as = written(folded, source, start, end);
    const word = m[0];
    const previous = matches[i - 1]?.[0] ?? '';
    const following = matches[i + 1]?.[0] ?? '';
    const contextual = AFTER.get(word);
    const inContext = contextual?.after.has(previous) === true || contextual?.before?.has(following) === true;
    // Written in capitals it is a name ("Sở NV"); a capital that only starts the message is the
    // sentence's ("Xog NQ57-43").
    const lower = as === as.toLowerCase() || (i === 0 && as.slice(1) === as.slice(1).toLowerCase());
    const expansion =
      lower && !/[\p{N}]/u.test(word)
        ? ((inContext ? contextual?.word : undefined) ??
          (/^[\x00-\x7f]+$/u.test(as) ? BY_ASCII : BY_FOLD).get(word) ??
          (i === last ? FINAL_BY_FOLD.get(word) : undefined))
        : undefined;
    // Hand-typed "đc" is shorthand; a word that carries other marks is a real word; after an apostrophe
    // it is an English contraction ("haven't", "it's"), not "tôi" or "ạ".
    // "gtrình", "nhìu" are written with their marks: a word with marks is shorthand only when it is one.
    const realWord =
      /[^\x00-\x7fđ/]/u.test(as) &&
      !MARKED_KEYS.has(as.toLowerCase().normalize('NFC')) &&
      !(contextual?.marked === true && expansion === contextual.word);
    // Beside "&" it is part of an agency's initials ("NN&MT"), not "mục tiêu".
    const initials = text.charAt(start - 1) === '&' || text.charAt(end) === '&';
    if (expansion === undefined || realWord || initials || /['’]/u.test(text.charAt(start - 1))) return;
    out += text.slice(at, start);
    for (let k = at; k < start; k++) toOrig.push(folded.toOrig[k] ?? 0);
    const origStart = folded.toOrig[start] ?? 0;
    expansion.split(' ').forEach((part, k) => {
      if (k > 0) {
        out += ' ';
        toOrig.push(origStart);
      }
      marked.set(out.length, part);
      const f = fold(part);
      out += f;
      for (let c = 0; c < f.length; c++) toOrig.push(origStart);
    });
    at = end;
  });
  if (at === 0) return folded;
  out += text.slice(at);
  for (let k = at; k <= text.length; k++) toOrig.push(folded.toOrig[k] ?? source.length);
  return { text: out, toOrig, marked };
}
