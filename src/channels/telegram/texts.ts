// The few words the Telegram channel says itself (a dead button); everything else comes from the core.
import type { Lang } from '../../core/types.ts';

export interface ChannelTexts {
  /** Toast for a button whose data is not an action (forged, or from an older version of the bot). */
  staleButton: string;
}

const TEXTS: Record<Lang, ChannelTexts> = {
  vi: {
    staleButton: 'Nút này không còn hiệu lực. Hãy nhắn yêu cầu bằng chữ.',
  },
  en: {
    staleButton: 'This button no longer works. Please type your request instead.',
  },
};

export function channelTexts(lang: Lang): ChannelTexts {
  return TEXTS[lang];
}

/** Telegram's `language_code` as one of ours, or null (the core then uses the person's language). */
export function langOfCode(code: string | undefined): Lang | null {
  if (code === undefined) return null;
  const base = code.toLowerCase().split('-')[0];
  return base === 'vi' || base === 'en' ? base : null;
}
