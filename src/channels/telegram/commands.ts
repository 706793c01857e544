// The command menu Telegram shows beside the text box, in Vietnamese (the default) and English.
import type { Telegram } from 'telegraf';
import type { BotCommand, BotCommandScope } from 'telegraf/types';
import type { Lang } from '../../core/types.ts';
import type { Logger } from '../../logger.ts';
import { errorFields } from '../log.ts';

/**
 * Every command here is one the core reads (src/core/intent/parse.ts COMMANDS: an intent, or a control
 * such as /bantin); /chart only when charts are on, /baocao (/report) only when reports are: the
 * channel answers those two itself.
 */
const MENU: Record<
  Lang,
  { private: BotCommand[]; group: BotCommand[]; chart: BotCommand; report: BotCommand }
> = {
  vi: {
    private: [
      { command: 'viectoi', description: 'Việc của tôi' },
      { command: 'quahan', description: 'Chỉ tiêu quá hạn, ví dụ /quahan NQ57' },
      { command: 'sapdenhan', description: 'Sắp đến hạn tuần này' },
      { command: 'tonghop', description: 'Tổng hợp tiến độ, ví dụ /tonghop DA06' },
      { command: 'tiendo', description: 'Tiến độ một mục, ví dụ /tiendo NQ57-12' },
      { command: 'capnhat', description: 'Cập nhật, ví dụ /capnhat NQ57-12.3 80%' },
      { command: 'giaitrinh', description: 'Yêu cầu giải trình, ví dụ /giaitrinh NQ57-04' },
      { command: 'huongdan', description: 'Hướng dẫn và ví dụ' },
    ],
    group: [
      { command: 'quahan', description: 'Chỉ tiêu quá hạn' },
      { command: 'sapdenhan', description: 'Sắp đến hạn tuần này' },
      { command: 'tonghop', description: 'Tổng hợp tiến độ' },
      { command: 'tiendo', description: 'Tiến độ một mục, ví dụ /tiendo NQ57-12' },
      { command: 'bantin', description: 'Bản tin tiến độ hằng ngày cho nhóm: /bantin bat hoặc /bantin tat' },
      { command: 'huongdan', description: 'Hướng dẫn và ví dụ' },
    ],
    chart: { command: 'chart', description: 'Biểu đồ tiến độ một chương trình, ví dụ /chart NQ57' },
    report: {
      command: 'baocao',
      description: 'Báo cáo tháng (hoặc quý) dạng Word, ví dụ /baocao thang NQ57',
    },
  },
  en: {
    private: [
      { command: 'mytasks', description: 'My tasks' },
      { command: 'overdue', description: 'Overdue targets, e.g. /overdue NQ57' },
      { command: 'due', description: 'Due this week' },
      { command: 'summary', description: 'Progress summary, e.g. /summary DA06' },
      { command: 'status', description: 'Status of one item, e.g. /status NQ57-12' },
      { command: 'update', description: 'Report progress, e.g. /update NQ57-12.3 80%' },
      { command: 'explain', description: 'Ask for an explanation, e.g. /explain NQ57-04' },
      { command: 'help', description: 'How to use the bot, with examples' },
    ],
    group: [
      { command: 'overdue', description: 'Overdue targets' },
      { command: 'due', description: 'Due this week' },
      { command: 'summary', description: 'Progress summary' },
      { command: 'status', description: 'Status of one item, e.g. /status NQ57-12' },
      { command: 'digest', description: 'Daily progress digest for this group: /digest on or /digest off' },
      { command: 'help', description: 'How to use the bot, with examples' },
    ],
    chart: { command: 'chart', description: 'Progress chart of a programme, e.g. /chart NQ57' },
    report: {
      command: 'report',
      description: "This month's (or quarter's) report as a Word file, e.g. /report month NQ57",
    },
  },
};

export function menuCommands(
  lang: Lang,
  where: 'private' | 'group',
  chart: boolean,
  report = false,
): BotCommand[] {
  const menu = MENU[lang];
  return [...menu[where], ...(chart ? [menu.chart] : []), ...(report ? [menu.report] : [])];
}

interface MenuCall {
  commands: BotCommand[];
  scope?: BotCommandScope;
  language_code?: string;
}

/** The calls that set the whole menu: Vietnamese for everyone, English for English-language apps, per chat kind. */
export function menuCalls(chart: boolean, report = false): MenuCall[] {
  const privateScope: BotCommandScope = { type: 'all_private_chats' };
  const groupScope: BotCommandScope = { type: 'all_group_chats' };
  return [
    { commands: menuCommands('vi', 'private', chart, report), scope: { type: 'default' } },
    { commands: menuCommands('vi', 'private', chart, report), scope: privateScope, language_code: 'vi' },
    { commands: menuCommands('en', 'private', chart, report), scope: privateScope, language_code: 'en' },
    { commands: menuCommands('vi', 'group', chart, report), scope: groupScope },
    { commands: menuCommands('en', 'group', chart, report), scope: groupScope, language_code: 'en' },
  ];
}

/** Best effort: a menu that failed to update is logged, never fatal (the commands work typed anyway). */
export async function setCommandMenu(
  telegram: Telegram,
  chart: boolean,
  logger: Logger,
  report = false,
): Promise<void> {
  for (const call of menuCalls(chart, report)) {
    const extra: { scope?: BotCommandScope; language_code?: string } = {};
    if (call.scope) extra.scope = call.scope;
    if (call.language_code) extra.language_code = call.language_code;
    try {
      await telegram.setMyCommands(call.commands, extra);
    } catch (err) {
      logger.warn(
        { channel: 'telegram', scope: call.scope?.type, lang: call.language_code, err: errorFields(err) },
        'telegram: could not set the command menu',
      );
    }
  }
}
