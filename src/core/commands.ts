// Every slash command, once: what the parser reads it as, and whether (and how) a messenger's menu lists it.
// The parser's table and Telegram's menu are both made from this list, so a command cannot be in one and
// not the other. The order is the menu's.
import type { IntentName, Lang } from './types.ts';

/** What a command means to the parser: an intent of the spec, or a control that has none. */
export type CommandMeaning =
  | IntentName
  | 'register'
  | 'more'
  | 'yes'
  | 'no'
  | 'assign'
  | 'digest_vi'
  | 'digest_en'
  | 'approve'
  | 'send_back'
  | 'chart'
  | 'report';

export type MenuPlace = 'private' | 'group';

/** Commands answered with a file, listed only when the process can make it: a chart, a report. */
export type CommandFeature = 'chart' | 'report';

export interface CommandEntry {
  name: string;
  meaning: CommandMeaning;
  /** The menu's description per language and chat kind; absent where the menu does not list it. */
  menu?: Partial<Record<Lang, Partial<Record<MenuPlace, string>>>>;
  feature?: CommandFeature;
}

export const COMMAND_TABLE: readonly CommandEntry[] = [
  { name: 'viectoi', meaning: 'my_tasks', menu: { vi: { private: 'Việc của tôi' } } },
  { name: 'mytasks', meaning: 'my_tasks', menu: { en: { private: 'My tasks' } } },
  { name: 'my_tasks', meaning: 'my_tasks' },
  { name: 'tasks', meaning: 'my_tasks' },
  {
    name: 'quahan',
    meaning: 'overdue',
    menu: { vi: { private: 'Chỉ tiêu quá hạn, ví dụ /quahan NQ57', group: 'Chỉ tiêu quá hạn' } },
  },
  {
    name: 'overdue',
    meaning: 'overdue',
    menu: { en: { private: 'Overdue targets, e.g. /overdue NQ57', group: 'Overdue targets' } },
  },
  {
    name: 'sapdenhan',
    meaning: 'due_soon',
    menu: { vi: { private: 'Sắp đến hạn tuần này', group: 'Sắp đến hạn tuần này' } },
  },
  { name: 'due', meaning: 'due_soon', menu: { en: { private: 'Due this week', group: 'Due this week' } } },
  { name: 'duesoon', meaning: 'due_soon' },
  { name: 'due_soon', meaning: 'due_soon' },
  {
    name: 'tonghop',
    meaning: 'summary',
    menu: { vi: { private: 'Tổng hợp tiến độ, ví dụ /tonghop DA06', group: 'Tổng hợp tiến độ' } },
  },
  {
    name: 'summary',
    meaning: 'summary',
    menu: { en: { private: 'Progress summary, e.g. /summary DA06', group: 'Progress summary' } },
  },
  {
    name: 'tiendo',
    meaning: 'status',
    menu: {
      vi: {
        private: 'Tiến độ một mục, ví dụ /tiendo NQ57-12',
        group: 'Tiến độ một mục, ví dụ /tiendo NQ57-12',
      },
    },
  },
  {
    name: 'status',
    meaning: 'status',
    menu: {
      en: {
        private: 'Status of one item, e.g. /status NQ57-12',
        group: 'Status of one item, e.g. /status NQ57-12',
      },
    },
  },
  { name: 'capnhat', meaning: 'update', menu: { vi: { private: 'Cập nhật, ví dụ /capnhat NQ57-12.3 80%' } } },
  {
    name: 'update',
    meaning: 'update',
    menu: { en: { private: 'Report progress, e.g. /update NQ57-12.3 80%' } },
  },
  {
    name: 'giaitrinh',
    meaning: 'request_explanation',
    menu: { vi: { private: 'Yêu cầu giải trình, ví dụ /giaitrinh NQ57-04' } },
  },
  {
    name: 'explain',
    meaning: 'request_explanation',
    menu: { en: { private: 'Ask for an explanation, e.g. /explain NQ57-04' } },
  },
  {
    name: 'bantin',
    meaning: 'digest_vi',
    menu: { vi: { group: 'Bản tin tiến độ hằng ngày cho nhóm: /bantin bat hoặc /bantin tat' } },
  },
  { name: 'ban_tin', meaning: 'digest_vi' },
  {
    name: 'digest',
    meaning: 'digest_en',
    menu: { en: { group: 'Daily progress digest for this group: /digest on or /digest off' } },
  },
  {
    name: 'huongdan',
    meaning: 'help',
    menu: { vi: { private: 'Hướng dẫn và ví dụ', group: 'Hướng dẫn và ví dụ' } },
  },
  {
    name: 'help',
    meaning: 'help',
    menu: {
      en: { private: 'How to use the bot, with examples', group: 'How to use the bot, with examples' },
    },
  },
  { name: 'start', meaning: 'help' },
  {
    name: 'chart',
    meaning: 'chart',
    feature: 'chart',
    menu: {
      vi: {
        private: 'Biểu đồ tiến độ một chương trình, ví dụ /chart NQ57',
        group: 'Biểu đồ tiến độ một chương trình, ví dụ /chart NQ57',
      },
      en: {
        private: 'Progress chart of a programme, e.g. /chart NQ57',
        group: 'Progress chart of a programme, e.g. /chart NQ57',
      },
    },
  },
  {
    name: 'baocao',
    meaning: 'report',
    feature: 'report',
    menu: {
      vi: {
        private: 'Báo cáo tháng (hoặc quý) dạng Word, ví dụ /baocao thang NQ57',
        group: 'Báo cáo tháng (hoặc quý) dạng Word, ví dụ /baocao thang NQ57',
      },
    },
  },
  {
    name: 'report',
    meaning: 'report',
    feature: 'report',
    menu: {
      en: {
        private: "This month's (or quarter's) report as a Word file, e.g. /report month NQ57",
        group: "This month's (or quarter's) report as a Word file, e.g. /report month NQ57",
      },
    },
  },
  { name: 'register', meaning: 'register' },
  { name: 'dangky', meaning: 'register' },
  { name: 'more', meaning: 'more' },
  { name: 'next', meaning: 'more' },
  { name: 'tiep', meaning: 'more' },
  { name: 'cancel', meaning: 'no' },
  { name: 'huy', meaning: 'no' },
  { name: 'yes', meaning: 'yes' },
  { name: 'confirm', meaning: 'yes' },
  { name: 'giao', meaning: 'assign' },
  { name: 'giaolai', meaning: 'assign' },
  { name: 'assign', meaning: 'assign' },
  { name: 'reassign', meaning: 'assign' },
  // A checker's word on a reported "done", for messengers without buttons (Zalo).
  { name: 'xacnhan', meaning: 'approve' },
  { name: 'approve', meaning: 'approve' },
  { name: 'tralai', meaning: 'send_back' },
  { name: 'return', meaning: 'send_back' },
];

/** The command's meaning by name, for the parser. */
const COMMAND_MEANINGS: ReadonlyMap<string, CommandMeaning> = new Map(
  COMMAND_TABLE.map((c) => [c.name, c.meaning] as const),
);

/** Whether `a` and `b` differ by two neighbouring letters swapped. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((c, i) => c !== b.charAt(i));
  return (
    at >= 0 &&
    a.charAt(at) === b.charAt(at + 1) &&
    a.charAt(at + 1) === b.charAt(at) &&
    a.slice(at + 2) === b.slice(at + 2)
  );
}

/** Whether `longer` is `shorter` with one letter more. */
function oneLetterMore(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  return [...longer].some((_, i) => longer.slice(0, i) + longer.slice(i + 1) === shorter);
}

/** Whether `a` and `b` are the same length and differ in one letter. */
function oneLetterChanged(a: string, b: string): boolean {
  return a.length === b.length && [...a].filter((c, i) => c !== b.charAt(i)).length === 1;
}

/** Whether `longer` is `shorter` with one of its letters typed twice ("helpp", "sstatus"). */
function letterDoubled(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  return [...longer].some(
    (c, i) => c === longer[i + 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter,
  );
}

/**
 * The meaning of a command by its name, forgiving one slip of a hurried thumb: two letters swapped
 * ("/hepl", "/stauts", "/deu") or one letter typed twice ("/helpp", "/duee"), or one
 * letter dropped from a name of six or more ("/mytaks", "/ovedue", "/satus", "/updte") or added to one
 * ("/overduee"), or one letter changed in a name of seven or more ("/mytasls"). Never a letter changed
 * in a shorter name: "/test" is no "/next". Null when the name is unknown or the slip could mean two commands.
 */
export function commandMeaning(name: string): CommandMeaning | null {
  const exact = COMMAND_MEANINGS.get(name);
  if (exact !== undefined) return exact;
  if (name.length < 3) return null;
  const meanings = new Set<CommandMeaning>();
  for (const [known, meaning] of COMMAND_MEANINGS) {
    const long = Math.min(known.length, name.length) >= 6;
    const slip =
      swapped(known, name) ||
      letterDoubled(name, known) ||
      (long && oneLetterMore(name, known)) ||
      (known.length >= 6 && oneLetterMore(known, name)) ||
      (name.length >= 7 && oneLetterChanged(known, name));
    if (slip) meanings.add(meaning);
  }
  return meanings.size === 1 ? ([...meanings][0] ?? null) : null;
}

/** A menu in the table's order: the commands listed for `lang` and `place`, the feature-gated ones when on. */
export function menuOf(
  lang: Lang,
  place: MenuPlace,
  features: ReadonlySet<CommandFeature>,
): Array<{ command: string; description: string }> {
  return COMMAND_TABLE.flatMap((c) => {
    const description = c.menu?.[lang]?.[place];
    if (description === undefined || (c.feature !== undefined && !features.has(c.feature))) return [];
    return [{ command: c.name, description }];
  });
}
