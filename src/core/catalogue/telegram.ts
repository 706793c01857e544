// The few words the Telegram channel says itself (a dead button, /chart, /baocao); everything else is the chat's.
import type { Bilingual } from './bilingual.ts';
import type { Lang } from '../types.ts';

export interface ChannelTexts {
  /** Toast for a button whose data is not an action (forged, or from an older version of the bot). */
  staleButton: string;
  /** /chart without a programme, or with one that does not exist; `codes` are the programmes there are. */
  chartUsage(codes: string[]): string;
  chartUnknown(code: string, codes: string[]): string;
  chartCaption(code: string): string;
  /** /baocao with words it does not read. */
  reportUsage(codes: string[]): string;
}

export const TELEGRAM: Bilingual<ChannelTexts> = {
  vi: {
    staleButton: 'Nút này không còn hiệu lực. Hãy nhắn yêu cầu bằng chữ.',
    chartUsage: (codes) => `Gõ /chart kèm mã chương trình: ${codes.map((c) => `/chart ${c}`).join(', ')}.`,
    chartUnknown: (code, codes) => `Không có chương trình ${code}. Các chương trình: ${codes.join(', ')}.`,
    chartCaption: (code) => `Tiến độ ${code} theo đơn vị`,
    reportUsage: (codes) =>
      `Gõ /baocao (tháng này), /baocao quy (quý này), kèm mã chương trình nếu cần: ${codes.map((c) => `/baocao thang ${c}`).join(', ')}.`,
  },
  en: {
    staleButton: 'This button no longer works. Please type your request instead.',
    chartUsage: (codes) => `Type /chart and a programme code: ${codes.map((c) => `/chart ${c}`).join(', ')}.`,
    chartUnknown: (code, codes) => `There is no programme ${code}. The programmes: ${codes.join(', ')}.`,
    chartCaption: (code) => `${code} progress by agency`,
    reportUsage: (codes) =>
      `Type /report (this month) or /report quarter, with a programme code if you like: ${codes.map((c) => `/report month ${c}`).join(', ')}.`,
  },
};

export function channelTexts(lang: Lang): ChannelTexts {
  return TELEGRAM[lang];
}
