// Item codes ("NQ57-12.3", "đa06-03") and progress percents ("80 %", "-5%") as people type them in chat.
import type { ItemCode } from '../types.ts';
import { editDistance } from './lexicon-match.ts';

export interface CodeSpan {
  /** Offsets in the folded text. */
  start: number;
  end: number;
  code: ItemCode;
}

/**
 * Letters+digits, hyphen, number, optional ".number". Letters and digits may be split by a space or a hyphen
 * ("NQ 57-12", "NQ-57-12"), and the hyphen set off by spaces ("NQ57 - 12.3"), only when they then spell a
 * known programme, so "tuần 2-3" is no code; so may a lone space before a task number ("nq57 12.3") or
 * a zero-padded target number ("da06 03"), or a number that ends the message or its sentence or comes before a word
 * of ITEM_FOLLOWERS ("da06 11 sao rồi", "nq57 19 bắt đầu", "nq57 29 78%"; "NQ57 12 việc" counts); a dot
 * may stand for the hyphen before a target of a known programme ("nq57.34", "cds25.4", "nq57.12.3"), and
 * so may a slash ("da 06/3", "nq57/12.3"; a second slash makes it a date, "06/3/2025"); a comma glued
 * between two numbers is the decimal comma Vietnamese writes ("NQ57-12,3" is NQ57-12.3).
 */
/** Words of time: after "cham" and a number they make it "chậm" (late) so long, not a dictated dot. */
const TIME_UNITS =
  'ngay|tuan|thang|nam|quy|gio|phut|h|day|days|week|weeks|wk|wks|month|months|year|years|hour|hours|lan|times';
/**
 * After a programme and a bare number, the words that make the number an item's: a question or a word
 * of progress ("da06 11 sao rồi", "nq57 19 bắt đầu", "nq57 29 78%"), the sender ("nq57 19 em …"), or the
 * dictated dot. Only these: after any other word ("DA06 3 hồ sơ đã xong", "NQ57 12 việc") the number
 * may count something, and a report must never land on an item it only seems to name.
 */
const ITEM_FOLLOWERS = [
  'sao|ra sao|the nao|nhu the nao|nhu nao|ntn|den dau|toi dau|tien do|hoan thanh|ai|who|on|any',
  'xong|hoan tat|da|dat|duoc|dang|chua|bi|vuong|gap|kho khan|tam dung|tam hoan|nghiem thu|moi|hien|v|vay',
  'bat dau|bd|khoi dong|trien khai|van|con|co|thi|nay|roi|r',
  'e|em|toi|minh|ben|status|done|progress|update|is|has|at|now|was|signed|started|kicked|cham|point|dot',
  // Courtesy closing the request: "details of nq57 34 pls".
  'pls|plz|please|nhe|nha|giup|voi|a|ah',
  // Lateness or keeping time said of the item: "nq57 13 trễ r", "nq57 31 kịp hạn hok".
  'tre|qua han|late|overdue|behind|kip',
  // A report or a question about the item itself: "nq57 40 finished", "da06 11 cập nhật lần cuối khi nào".
  'finished|completed|complete|blocked|stuck|delayed|pending|going|doing|cap nhat|lan cuoi|khi nao|bao gio|trang thai|hien trang|tinh hinh|la|han',
  String.raw`\d{1,3}\s?(?:%|phan tram)`,
].join('|');

/**
 * Where a programme's bare item number may end: the message or its sentence, or a word of
 * ITEM_FOLLOWERS (`notBefore` rules some of those out). One definition for digits and spoken numbers.
 */
const afterItemNumber = (notBefore = ''): string =>
  String.raw`(?:\s*[?!.]?\s*$|[?!.]\s|\s+${notBefore}(?:${ITEM_FOLLOWERS})(?![\p{L}\p{N}]))`;

const ITEM = new RegExp(
  String.raw`(?<![\p{L}\p{N}])([a-z]{2,6})([ -]?)(\d{1,4})` +
    String.raw`( ?- ?| (?=\d{1,3}\.\d)| (?=0\d(?!\d))| (?=\d{1,3}${afterItemNumber()})|\.(?=\d{1,2}(?:\.\d{1,3})?(?![\d.]))|\/(?=\d{1,2}(?:\.\d{1,3})?(?![\d/])))` +
    // The task number after a dot, the decimal comma, or "chấm"/"point" said to a phone ("NQ57 12 chấm 3").
    String.raw`(\d{1,3})(?:(?:[.,]|( (?:cham|point|dot) )(?=\d{1,2}(?!\d)(?!\s+(?:${TIME_UNITS})(?![\p{L}\p{N}]))))(\d{1,3}))?` +
    String.raw`(?![\p{L}\p{N}%]|[.,]\d)`,
  'gu',
);

/** Resolves the programme part of a code ("da6" → "DA06"), or null when it is not a known programme. */
export type ProgramResolver = (letters: string, digits: string) => string | null;

/** A code's number typed with the letter O for a zero ("CDS25-1O", "NQ57-O5.2"), with at least one digit. */
const LETTER_O_NUMBER =
  /(?<![\p{L}\p{N}])([a-z]{2,6}\d{1,4} ?[-.] ?)([\do]{1,3}(?:\.[\do]{1,3})?)(?![\p{L}\p{N}])/gu;

/** The zeros of code numbers typed as the letter O, made digits again (same length: offsets hold). */
function zerosForLetterO(folded: string): string {
  return folded.replace(LETTER_O_NUMBER, (whole, head: string, number: string) =>
    /o/u.test(number) && /\d/u.test(number) ? head + number.replace(/o/gu, '0') : whole,
  );
}

/**
 * An item named in words: a programme, then a word for a target or task and its number ("đề án 06 mục
 * 04", "NQ57 chỉ tiêu 12", "nghị quyết 57 nhiệm vụ 12.3"). Only a known programme makes it a code.
 */
const NAMED_ITEM =
  /(?<![\p{L}\p{N}])(nghi quyet|de an|resolution|project|[a-z]{2,6}) ?(?:so |no\.? )?(\d{1,4}) (?:chi tieu|muc tieu|muc|nhiem vu|target|task|item) (?:so |no\.? )?(\d{1,3})(?:\.(\d{1,3}))?(?![\p{L}\p{N}%]|[.,]\d)/gu;
/**
 * The same named the other way round: the item, then the programme it belongs to ("chỉ tiêu 18 của NQ57",
 * "target 18 under NQ57", "nhiệm vụ 12.3 thuộc nghị quyết 57", "chỉ tiêu 12 NQ57").
 */
const ITEM_OF_PROGRAM =
  /(?<![\p{L}\p{N}])(?:chi tieu|muc tieu|nhiem vu|target|task|item) (?:so |no\.? )?(\d{1,3})(?:\.(\d{1,3}))? (?:(?:cua|thuoc|under|of|in) )?(?:the )?(nghi quyet|de an|resolution|project|[a-z]{2,6}) ?(?:so |no\.? )?(\d{1,4})(?![\p{L}\p{N}%]|[.,]\d)/gu;
const PROGRAM_WORDS: ReadonlyMap<string, string> = new Map([
  ['nghi quyet', 'nq'],
  ['de an', 'da'],
  ['resolution', 'nq'],
  ['project', 'da'],
]);

const itemCode = (program: string, item: string, sub: string | undefined): ItemCode =>
  // Targets are numbered with two digits (NQ57-05); tasks with a plain number after the dot (NQ57-05.1).
  `${program}-${String(Number(item)).padStart(2, '0')}${sub === undefined ? '' : `.${Number(sub)}`}` as ItemCode;

function namedItems(folded: string, programOf: ProgramResolver): CodeSpan[] {
  const spans: CodeSpan[] = [];
  for (const m of folded.matchAll(NAMED_ITEM)) {
    const [whole, words = '', digits = '', item = '', sub] = m;
    const program = programOf(PROGRAM_WORDS.get(words) ?? words, digits);
    if (program === null) continue;
    spans.push({ start: m.index, end: m.index + whole.length, code: itemCode(program, item, sub) });
  }
  for (const m of folded.matchAll(ITEM_OF_PROGRAM)) {
    const [whole, item = '', sub, words = '', digits = ''] = m;
    const program = programOf(PROGRAM_WORDS.get(words) ?? words, digits);
    if (program === null) continue;
    spans.push({ start: m.index, end: m.index + whole.length, code: itemCode(program, item, sub) });
  }
  return spans;
}

/**
 * A code's parts joined by underscores, as some keyboards and file names write them ("NQ57_13",
 * "NQ57_16_3"): made a hyphen and a dot (same length: offsets hold).
 */
const UNDERSCORED = /(?<![\p{L}\p{N}])([a-z]{2,6}\d{1,4})_(\d{1,3})(?:_(\d{1,3}))?(?![\p{L}\p{N}_])/gu;

function underscoresAsSeparators(folded: string): string {
  return folded.replace(UNDERSCORED, (_, head: string, item: string, sub: string | undefined) =>
    sub === undefined ? `${head}-${item}` : `${head}-${item}.${sub}`,
  );
}

/** A code typed with no separator at all ("NQ5712", "cds2507.1"). */
const GLUED = /(?<![\p{L}\p{N}])([a-z]{2,6})(\d{3,6})(?:\.(\d{1,3}))?(?![\p{L}\p{N}%]|[.,]\d)/gu;
/**
 * What a run of letters and digits is named as when it is not an item: an order, a parcel, a room, a
 * licence plate ("mã đơn hàng NQ5712", "order NQ5712"). Only a glued code, which is written like one.
 */
const NAMED_OTHERWISE =
  /(?:\b(?:don hang|van don|order|parcel|package|tracking|room|bien so|plate|ticket|hoa don|invoice))(?:\s*(?:ma|so|no\.?|number|#|:))*\s*$/u;

/**
 * The programme and number a glued code spells: only when its digits are no programme's own and exactly
 * one cut gives a known programme followed by a number of one to three digits ("nq5712": NQ57, 12;
 * "cds2025" is a programme's name, no code).
 */
function gluedCode(letters: string, digits: string, programOf: ProgramResolver): [string, string] | null {
  if (programOf(letters, digits) !== null) return null;
  const cuts: [string, string][] = [];
  for (let k = Math.max(1, digits.length - 3); k < digits.length; k++) {
    const program = programOf(letters, digits.slice(0, k));
    if (program !== null) cuts.push([program, digits.slice(k)]);
  }
  return cuts.length === 1 ? (cuts[0] ?? null) : null;
}

/**
 * `writtenAs(start, end)`: the words as typed between two offsets of `written`, where marks tell "chấm"
 * (the dot of "NQ57 12 chấm 3") from "chậm" (late: "NQ57-19 chậm 2 tuần"); without it, "cham" is a dot.
 */
export function findItemCodes(
  written: string,
  programOf: ProgramResolver,
  writtenAs?: (start: number, end: number) => string,
): CodeSpan[] {
  const saidAsPoint = (start: number, length: number): boolean => {
    const word = writtenAs?.(start, start + length).toLowerCase() ?? 'cham';
    return ['chấm', 'cham', 'point', 'dot'].includes(word);
  };
  const spans: CodeSpan[] = namedItems(written, programOf);
  const folded = underscoresAsSeparators(zerosForLetterO(written));
  for (const m of folded.matchAll(GLUED)) {
    const [whole, letters = '', digits = '', sub] = m;
    if (NAMED_OTHERWISE.test(folded.slice(Math.max(0, m.index - 30), m.index))) continue;
    const cut = gluedCode(letters, digits, programOf);
    if (cut !== null)
      spans.push({ start: m.index, end: m.index + whole.length, code: itemCode(...cut, sub) });
  }
  // A code read from digits wins over the same words read as spoken numbers.
  for (const span of spokenItems(folded, programOf, saidAsPoint))
    if (!spans.some((x) => x.start < span.end && span.start < x.end)) spans.push(span);
  for (const m of folded.matchAll(ITEM)) {
    const [whole, letters = '', separator = '', digits = '', dash = '', item = '', spoken, sub] = m;
    const program = programOf(letters, digits);
    if ((separator !== '' || dash !== '-') && program === null) continue;
    // "NQ57-19 chậm 2": late, and the code ends before it; a task number said aloud is a known programme's.
    const late =
      spoken !== undefined &&
      (program === null || !saidAsPoint(m.index + whole.lastIndexOf(spoken) + 1, spoken.trim().length));
    const length = late ? whole.lastIndexOf(spoken) : whole.length;
    const prefix = program ?? `${letters.toUpperCase()}${digits}`;
    spans.push({
      start: m.index,
      end: m.index + length,
      code: itemCode(prefix, item, late ? undefined : sub),
    });
  }
  return spans.sort((x, y) => x.start - y.start);
}

/**
 * Something written like an item code that is not one the grammar can read: "NQ57-12.3x", "XX-1.1",
 * "NQ57-99999.99999", "NQ57-1e1". Letters glued to digits then a hyphen, one letter glued to two digits or
 * more ("Q57-20", a programme cut in two by a line break; "Q3-2025" is no code), letters-hyphen-decimal, or a known programme
 * then a hyphen. Found in text where the readable codes are already masked. The letters may be of
 * any script: a look-alike the fold does not know ("ՆQ57-12.3", Armenian Ն) makes a code unreadable, not
 * absent.
 */
const CODE_SHAPED =
  /(?<![\p{L}\p{N}#])(?:\p{L}{2,6}\d{1,6} ?- ?[\p{L}\p{N}]|\p{L}\d{2,6} ?- ?\d|\p{L}{2,6}-\d{1,6}[.,]\d|([a-z]{2,6})[ -](\d{1,4}) ?- ?[\p{L}\p{N}])[\p{L}\p{N}.,-]*/gu;

export interface Span {
  start: number;
  end: number;
}

/** A known programme's code with its parts joined by underscores the way no code is ("NQ57__12", "nq57_12_3_4"). */
const UNDERSCORE_SHAPED = /(?<![\p{L}\p{N}#])([a-z]{2,6})(\d{1,4})_[\p{L}\p{N}_.]*/gu;

export function findUnreadableCodes(masked: string, programOf: ProgramResolver): Span[] {
  const spans: Span[] = [];
  for (const m of masked.matchAll(UNDERSCORE_SHAPED)) {
    if (programOf(m[1] ?? '', m[2] ?? '') === null) continue;
    const text = m[0].replace(/[._]+$/u, '');
    spans.push({ start: m.index, end: m.index + text.length });
  }
  for (const m of masked.matchAll(CODE_SHAPED)) {
    const [whole, letters, digits] = m;
    if (letters !== undefined && programOf(letters, digits ?? '') === null) continue;
    // A full stop or comma after it ends the sentence, it is not part of the code.
    const text = whole.replace(/[.,-]+$/u, '');
    spans.push({ start: m.index, end: m.index + text.length });
  }
  return spans;
}

/** Neither letter, digit, space nor punctuation: emoji, U+FFFD (where a lone surrogate was), joiners. */
const JUNK = /[\p{So}\p{Sk}\p{Cf}\p{Co}\p{Cn}]/gu;
const JUNK_INSIDE = /[\p{L}\p{N}.,-][\p{So}\p{Sk}\p{Cf}\p{Co}\p{Cn}]+[\p{L}\p{N}.,-]/u;

/**
 * Words that such a character cuts inside (between letters, digits, "-" or "."), and that are written like a
 * code without it: "CD💯S25-03.1",
 * "D\uFFFDA06-11", "NQ57-1\uFFFD2.3". Each is a damaged code, unreadable as a whole; the part of it a
 * grammar could read ("A06-11", "NQ57-1") is not what was written, so it must never be read. Found
 * before the readable codes; a character of this kind beside a code ("NQ57-12.3\uFFFD") leaves it readable.
 */
export function findDamagedCodes(folded: string, programOf: ProgramResolver): Span[] {
  const spans: Span[] = [];
  for (const m of folded.matchAll(/\S+/gu)) {
    // A full stop or comma after it ends the sentence, it is not part of the word.
    const word = m[0].replace(/[.,:;!?-]+$/u, '');
    if (!JUNK_INSIDE.test(word)) continue;
    const clean = word.replace(JUNK, '');
    const codeShaped =
      findItemCodes(clean, programOf).length > 0 || findUnreadableCodes(clean, programOf).length > 0;
    if (codeShaped) spans.push({ start: m.index, end: m.index + word.length });
  }
  return spans;
}

/** The known codes closest to one written wrongly: same programme first, then fewest edits (at most three). */
export function nearestCodes(written: string, known: readonly ItemCode[], limit = 3): ItemCode[] {
  const w = written.toUpperCase();
  const program = /^[A-Z]+\d*/.exec(w)?.[0] ?? '';
  const scored: { code: ItemCode; cost: number }[] = [];
  for (const code of known) {
    const cost = editDistance(w, code, 3) + (program !== '' && code.startsWith(`${program}-`) ? 0 : 2);
    if (cost <= 3) scored.push({ code, cost });
  }
  scored.sort((a, b) => a.cost - b.cost || a.code.localeCompare(b.code));
  return scored.slice(0, limit).map((s) => s.code);
}

export interface PercentSpan {
  start: number;
  end: number;
  /** As written, possibly outside 0–100 or fractional; the caller decides what is acceptable. */
  value: number;
}

/**
 * A minus counts only glued to its number and not to a word before it ("-5%"); in "NQ57-06.3 - 80%" the
 * dash is punctuation. Decimals are kept as written so the core can refuse them rather than cut them.
 * Chat's "pt" (phần trăm) and "pc" (per cent) only glued to their number ("90pt", "40pc"): "12 pt" may
 * be a font size, "2 pc" two computers.
 */
const PERCENT =
  /(?<![\p{L}\p{N}.,])(?:(?<![\p{L}\p{N}#])(-))?(\d{1,4}(?:[.,]\d{1,3})?)(?:\s?(?:%|(?:phan tram|phantram|percent|pct)(?![\p{L}\p{N}]))|p[tc](?![\p{L}\p{N}]))/gu;

/**
 * "đạt 8/10", "at 3/4", "được khoảng 3/4", "DA06-03: 47/68 xã": a share of the work, read as its percent
 * (after such a word, a hedge or an item code only: "30/9" is a day).
 */
const FRACTION =
  /(?<=(?:(?:^|\s)(?:dat|at|duoc|len|reached)(?:\s(?:khoang|tam|chung|gan|about|around|roughly|nearly|almost))?|#:?)\s)(\d{1,4}|\d{1,3}(?:[.,]\d{3})+)\/(\d{1,4}|\d{1,3}(?:[.,]\d{3})+)(?![\d/]|[.,]\d)/gu;

/** "được một nửa", "đạt 1 nửa", "half done": half the work, 50 %. After such a word only ("nửa tháng"). */
const HALF =
  /(?<=(?:^|\s)(?:dat|duoc|len|xong|lam)\s(?:(?:khoang|tam|chung) )?)(?:mot|1|phan) nua?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:half(?: ?way)? (?:done|complete|completed|finished)|half ?way)(?![\p{L}\p{N}])/gu;

/** "3 of 5 communes", "4 out of 6": a share of the work, read as its percent. */
const OF =
  /(?<![\p{L}\p{N}.,/])(\d{1,4}|\d{1,3}(?:[.,]\d{3})+) (?:out )?of (\d{1,4}|\d{1,3}(?:[.,]\d{3})+)(?![\p{L}\p{N}%/]|[.,]\d)/gu;

/**
 * Digits said in words, folded: Vietnamese ("năm", after "mươi" also "lăm", "mốt", "tư"; "chục" for the
 * tens as the Centre and South say them, "sáu chục") and English.
 */
const VI_DIGITS = ['khong', 'mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin'];
const VI_AFTER_TENS: Readonly<Record<string, number>> = { mot: 1, tu: 4, lam: 5 };
const EN_NUMBERS = [
  ...['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'],
  ...['twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'],
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORDS = [
  ...VI_DIGITS,
  ...Object.keys(VI_AFTER_TENS),
  ...['muoi', 'chuc', 'tram', 'linh', 'le'],
  ...EN_NUMBERS,
  ...EN_TENS.filter((t) => t !== ''),
  ...['hundred', 'and', 'a'],
].join('|');

/**
 * A percent said in words, as a phone's dictation or a careful writer leaves it: "tám mươi phần trăm",
 * "sáu mươi lăm phần trăm", "một trăm phần trăm", "ninety percent", "forty-five per cent". The whole run
 * of number words is read, so "một trăm năm mươi phần trăm" is 150 (refused as out of range, like
 * "150%"), never the 50 at its end.
 */
const SPOKEN_PERCENT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?:(?:${NUMBER_WORDS})[ -])*(?:${NUMBER_WORDS})) ?(?:phan tram|percent|per cent|%)(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * The number a run of number words says, or null when they say none ("năm năm"). Words before the
 * number that are no part of it ("từ năm mươi", "tu" being "từ") are dropped from the left.
 */
function spokenNumber(words: readonly string[]): number | null {
  for (let from = 0; from < words.length; from++) {
    const value = numberOf(words.slice(from));
    if (value !== null) return value;
  }
  return null;
}

function numberOf(words: readonly string[]): number | null {
  let total = 0;
  let current: number | null = null;
  let afterTens = false;
  for (const [k, w] of words.entries()) {
    const digit = VI_DIGITS.indexOf(w);
    if (afterTens && current !== null && VI_AFTER_TENS[w] !== undefined && current % 10 === 0) {
      current += VI_AFTER_TENS[w];
    } else if (w === 'muoi' || w === 'chuc') {
      if (current !== null && current >= 10) return null;
      current = (current ?? 1) * 10;
    } else if (w === 'tram' || w === 'hundred') {
      if (current !== null && current >= 10) return null;
      total += (current ?? 1) * 100;
      current = null;
    } else if (w === 'linh' || w === 'le' || w === 'and') {
      if (total === 0) return null;
    } else if (w === 'a') {
      if (words[k + 1] !== 'hundred') return null;
    } else if (digit >= 0 || EN_NUMBERS.includes(w)) {
      if (current !== null && (current % 10 !== 0 || current === 0)) return null;
      current = (current ?? 0) + (digit >= 0 ? digit : EN_NUMBERS.indexOf(w));
    } else if (EN_TENS.includes(w)) {
      if (current !== null) return null;
      current = EN_TENS.indexOf(w) * 10;
    } else {
      return null;
    }
    afterTens = w === 'muoi' || w === 'chuc';
  }
  return current === null && total === 0 ? null : total + (current ?? 0);
}

/**
 * An item's number said to a phone after its programme: "NQ57 mười hai chấm ba", "DA06 ba mươi mốt tiến
 * độ thế nào". Two number words at least, or a spoken dot ("NQ57 năm nay" is this year, not NQ57-05), then
 * where a bare number may end (afterItemNumber).
 */
const SPOKEN_ITEM = new RegExp(
  String.raw`(?<![\p{L}\p{N}])([a-z]{2,6}) ?(\d{1,4}) ((?:(?:${NUMBER_WORDS}) )*(?:${NUMBER_WORDS}))` +
    String.raw`(?:( (?:cham|point|dot) )((?:(?:${NUMBER_WORDS}) )*(?:${NUMBER_WORDS})))?` +
    `(?=${afterItemNumber(String.raw`(?!nay(?![\p{L}\p{N}]))`)})`,
  'gu',
);

/** The spans and codes of items whose numbers are said in words (SPOKEN_ITEM). */
function spokenItems(
  folded: string,
  programOf: ProgramResolver,
  saidAsPoint: (start: number, length: number) => boolean,
): CodeSpan[] {
  const spans: CodeSpan[] = [];
  for (const m of folded.matchAll(SPOKEN_ITEM)) {
    const [whole, letters = '', digits = '', itemWords = '', spoken, subWords = ''] = m;
    const program = programOf(letters, digits);
    const words = itemWords.split(' ');
    const item = numberOf(words);
    // "NQ57 mười hai chậm ba tuần": late, and the code ends before it.
    const dot = spoken === undefined ? -1 : whole.lastIndexOf(spoken);
    const pointed = dot >= 0 && saidAsPoint(m.index + dot + 1, spoken!.trim().length);
    const sub = pointed ? numberOf(subWords.split(' ')) : null;
    if (program === null || item === null || item < 1 || item > 999 || (pointed && sub === null)) continue;
    if (words.length < 2 && !pointed) continue;
    const end = m.index + (dot >= 0 && !pointed ? dot : whole.length);
    spans.push({
      start: m.index,
      end,
      code: itemCode(program, String(item), sub === null ? undefined : String(sub)),
    });
  }
  return spans;
}

/** "một phần ba", "ba phần tư", "a third", "two thirds", "three quarters": a share said in words. */
const SHARE_WORDS =
  /(?<![\p{L}\p{N}])(?:(mot|1|hai|2|ba|3) phan (ba|3|tu|4)|(a|one|two|three) (third|thirds|quarter|quarters))(?![\p{L}\p{N}])/gu;
const SHARE_NUMBER: Readonly<Record<string, number>> = {
  mot: 1,
  a: 1,
  one: 1,
  hai: 2,
  two: 2,
  ba: 3,
  three: 3,
  tu: 4,
};

function shareValue(m: RegExpMatchArray): number | null {
  const [, viPart, viWhole, enPart, enWhole] = m;
  const part = SHARE_NUMBER[viPart ?? enPart ?? ''] ?? Number(viPart ?? enPart);
  const whole =
    viWhole !== undefined ? (SHARE_NUMBER[viWhole] ?? Number(viWhole)) : enWhole?.startsWith('third') ? 3 : 4;
  return part > 0 && part < whole ? Math.round((100 * part) / whole) : null;
}

const thousands = (n: string | undefined): number => Number((n ?? '').replace(/[.,]/gu, ''));

export function findPercents(folded: string): PercentSpan[] {
  const spans: PercentSpan[] = [];
  for (const m of folded.matchAll(SHARE_WORDS)) {
    const value = shareValue(m);
    if (value !== null) spans.push({ start: m.index, end: m.index + m[0].length, value });
  }
  // Most messages say no percent in words: only those with the word for it are searched.
  const spoken = /phan tram|per ?cent|%/u.test(folded) ? folded.matchAll(SPOKEN_PERCENT) : [];
  for (const m of spoken) {
    const value = spokenNumber((m[1] ?? '').split(/[ -]/u));
    if (value !== null) spans.push({ start: m.index, end: m.index + m[0].length, value });
  }
  for (const m of folded.matchAll(HALF))
    spans.push({ start: m.index, end: m.index + m[0].length, value: 50 });
  for (const m of [...folded.matchAll(FRACTION), ...folded.matchAll(OF)]) {
    // "3,200 of 5,000", "2.100/3.000": thousands separated as either language writes them.
    const [part, whole] = [thousands(m[1]), thousands(m[2])];
    if (whole > 0 && part <= whole) {
      spans.push({ start: m.index, end: m.index + m[0].length, value: Math.round((100 * part) / whole) });
    }
  }
  for (const m of folded.matchAll(PERCENT)) {
    const magnitude = Number((m[2] ?? '').replace(',', '.'));
    spans.push({
      start: m.index,
      end: m.index + m[0].length,
      value: m[1] === undefined ? magnitude : -magnitude,
    });
  }
  return spans.sort((x, y) => x.start - y.start);
}

/** Overwrites spans with '#' so later matching sees one opaque word there, offsets unchanged. */
export function mask(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + '#'.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}
