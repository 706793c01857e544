// The command menu Telegram shows beside the text box, in Vietnamese (the default) and English.
import type { Telegram } from 'telegraf';
import type { BotCommand, BotCommandScope } from 'telegraf/types';
import { menuOf, type CommandFeature, type MenuPlace } from '../../core/commands.ts';
import type { Lang } from '../../core/types.ts';
import type { Logger } from '../../logger.ts';
import { errorFields } from '../log.ts';

/** One language's menu for one kind of chat, from the core's command table; /chart and /baocao only when on. */
export function menuCommands(lang: Lang, where: MenuPlace, chart: boolean, report = false): BotCommand[] {
  const features = new Set<CommandFeature>([
    ...(chart ? ['chart' as const] : []),
    ...(report ? ['report' as const] : []),
  ]);
  return menuOf(lang, where, features);
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
