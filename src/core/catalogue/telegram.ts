// The few words the Telegram channel says itself (a dead button); everything else is the chat's.
import type { Bilingual } from './bilingual.ts';
import type { Lang } from '../types.ts';

export interface ChannelTexts {
  /** Toast for a button whose data is not an action (forged, or from an older version of the bot). */
  staleButton: string;
}

export const TELEGRAM: Bilingual<ChannelTexts> = {
  vi: {
    staleButton: 'Nút này không còn hiệu lực. Hãy nhắn yêu cầu bằng chữ.',
  },
  en: {
    staleButton: 'This button no longer works. Please type your request instead.',
  },
};

export function channelTexts(lang: Lang): ChannelTexts {
  return TELEGRAM[lang];
}
