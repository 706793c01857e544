// The sentences of a printed invitation, in the invited person's language.
import type { Bilingual } from './bilingual.ts';
import type { Lang } from '../types.ts';

export interface InvitationWords {
  sheetTitle: (n: number) => string;
  heading: string;
  to: string;
  intro: string;
  codeLabel: string;
  validity: (until: string) => string;
  telegramTitle: string;
  telegramScan: string;
  telegramManual: (bot: string | null, code: string) => string;
  zaloTitle: string;
  zaloSteps: (code: string) => string[];
  keep: string;
  /** "13:07 ngày 22/07/2025 (UTC+7)" from the local day, time and offset. */
  when: (day: string, time: string, offset: string) => string;
}

const vi: InvitationWords = {
  sheetTitle: (n) => `Thư mời đăng ký dondoc (${n} người)`,
  heading: 'THƯ MỜI ĐĂNG KÝ TRỢ LÝ ĐÔN ĐỐC DONDOC',
  to: 'Kính gửi',
  intro:
    'dondoc nhắc hạn và nhận báo cáo tiến độ các nhiệm vụ của đơn vị ngay trong Telegram hoặc Zalo. ' +
    'Để bắt đầu, xin đăng ký bằng mã dưới đây trên một trong hai ứng dụng.',
  codeLabel: 'Mã đăng ký',
  validity: (until) => `Mã chỉ dùng được một lần, đến ${until}.`,
  telegramTitle: 'Trên Telegram',
  telegramScan: 'Quét mã QR bằng camera điện thoại (hoặc mở đường dẫn bên dưới), rồi bấm “Bắt đầu” (Start).',
  telegramManual: (bot, code) =>
    bot
      ? `Hoặc tìm @${bot} trong Telegram và gửi: /start ${code}`
      : `Mở Telegram, tìm bot dondoc của tỉnh (quản trị viên cho biết tên) và gửi: /start ${code}`,
  zaloTitle: 'Trên Zalo',
  zaloSteps: (code) => [
    'Mở Zalo, tìm bot dondoc của tỉnh theo tên quản trị viên cung cấp và mở cuộc trò chuyện.',
    `Gửi tin nhắn: đăng ký ${code}`,
    'Khi bot trả lời “Chào mừng …”, việc đăng ký đã xong.',
  ],
  keep: 'Xin không đưa mã này cho người khác: ai dùng mã sẽ được đăng ký với tên của anh/chị.',
  when: (day, time, offset) =>
    `${time} ngày ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} (UTC${offset})`,
};

const en: InvitationWords = {
  sheetTitle: (n) => `dondoc invitations (${n} people)`,
  heading: 'INVITATION TO REGISTER WITH THE DONDOC FOLLOW-UP ASSISTANT',
  to: 'To',
  intro:
    "dondoc reminds you of deadlines and takes progress reports on your agency's tasks right in Telegram " +
    'or Zalo. To start, register with the code below in either app.',
  codeLabel: 'Registration code',
  validity: (until) => `The code works once, until ${until}.`,
  telegramTitle: 'On Telegram',
  telegramScan: 'Scan the QR code with your phone camera (or open the link below), then press “Start”.',
  telegramManual: (bot, code) =>
    bot
      ? `Or find @${bot} in Telegram and send: /start ${code}`
      : `Open Telegram, find the province's dondoc bot (your administrator has its name) and send: /start ${code}`,
  zaloTitle: 'On Zalo',
  zaloSteps: (code) => [
    "Open Zalo, find the province's dondoc bot by the name your administrator gave you and open the chat.",
    `Send the message: đăng ký ${code}`,
    'When the bot answers “Welcome …”, you are registered.',
  ],
  keep: 'Do not give this code to anyone: whoever uses it is registered as you.',
  when: (day, time, offset) => `${day} ${time} (UTC${offset})`,
};

export const INVITATION: Bilingual<InvitationWords> = { vi, en };

export function invitationWords(lang: Lang): InvitationWords {
  return INVITATION[lang];
}
