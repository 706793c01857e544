// The Telegram channel's own words live in the catalogue; this reads a Telegram user's language.
import type { Lang } from '../../core/types.ts';

export { channelTexts, type ChannelTexts } from '../../core/catalogue/telegram.ts';

/** Telegram's `language_code` as one of ours, or null (the core then uses the person's language). */
export function langOfCode(code: string | undefined): Lang | null {
  if (code === undefined) return null;
  const base = code.toLowerCase().split('-')[0];
  return base === 'vi' || base === 'en' ? base : null;
}
