// The console's words for accounts: signing in by person code, one-time codes, setting a password.
import type { Bilingual } from './bilingual.ts';
import type { Lang } from '../types.ts';

const vi = {
  account: 'Tài khoản (mã cán bộ hoặc admin)',
  sendCode: 'Gửi mã dùng một lần qua Telegram/Zalo',
  codeQueued: (channels: string) =>
    `Đã xếp mã đăng nhập vào hàng gửi qua ${channels}; tin nhắn thường đến trong vòng một phút. Mã hết hạn sau 10 phút.`,
  codeNoChat:
    'Không gửi được mã: tài khoản này chưa liên kết Telegram hoặc Zalo. Hãy nhờ quản trị viên gửi đường dẫn đặt mật khẩu.',
  codeNotForAccount: 'Tài khoản này không đăng nhập được bảng điều hành (chỉ lãnh đạo và quản trị viên).',
  codeNeedsAccount: 'Nhập mã cán bộ của bạn (ví dụ P02) trước khi xin mã.',
  setPassword: 'Đặt mật khẩu bảng điều hành',
  setPasswordFor: (name: string) => `Đặt mật khẩu cho ${name}.`,
  newPassword: 'Mật khẩu mới (ít nhất 10 ký tự)',
  repeatPassword: 'Nhập lại mật khẩu',
  savePassword: 'Lưu mật khẩu',
  linkInvalid: 'Đường dẫn không hợp lệ, đã dùng hoặc đã hết hạn. Hãy nhờ quản trị viên tạo đường dẫn mới.',
  passwordShort: 'Mật khẩu cần ít nhất 10 ký tự.',
  passwordMismatch: 'Hai mật khẩu không khớp.',
  passwordSet: 'Đã lưu mật khẩu; mọi phiên đăng nhập cũ đã bị đóng. Hãy đăng nhập.',
  readOnlyView: (name: string) => `Bạn đang xem với tư cách ${name}: chỉ xem, không ghi được gì.`,
  chatAsSelf: 'Trò chuyện chỉ dưới tên người đã đăng nhập; quản trị viên chỉ được xem thay người khác.',
  notInScope: 'Mục này nằm ngoài phạm vi của bạn.',
  forbidden: 'Bạn không có quyền xem trang này.',
  tooManyMessages: 'Bạn gửi quá nhanh. Vui lòng đợi một chút rồi gửi lại.',
};

const en: typeof vi = {
  account: 'Account (person code or admin)',
  sendCode: 'Send me a one-time code on Telegram/Zalo',
  codeQueued: (channels) =>
    `A sign-in code is queued for ${channels}; it usually arrives within a minute. It expires in 10 minutes.`,
  codeNoChat:
    'No code sent: this account has no Telegram or Zalo linked. Ask an administrator for a password link.',
  codeNotForAccount: 'This account cannot sign in to the console (leaders and administrators only).',
  codeNeedsAccount: 'Enter your person code (e.g. P02) before asking for a code.',
  setPassword: 'Set your console password',
  setPasswordFor: (name) => `Set the password for ${name}.`,
  newPassword: 'New password (at least 10 characters)',
  repeatPassword: 'Repeat the password',
  savePassword: 'Save password',
  linkInvalid: 'This link is invalid, used or expired. Ask an administrator for a new one.',
  passwordShort: 'The password needs at least 10 characters.',
  passwordMismatch: 'The two passwords differ.',
  passwordSet: 'Password saved; every earlier session was closed. Please sign in.',
  readOnlyView: (name) => `You are viewing as ${name}: read-only, nothing can be changed.`,
  chatAsSelf: 'The chat acts only as the signed-in person; administrators may only view as someone else.',
  notInScope: 'This item is outside your scope.',
  forbidden: 'You may not see this page.',
  tooManyMessages: 'You are sending too fast. Please wait a moment and send again.',
};

export type LoginWords = typeof vi;
export const LOGIN: Bilingual<LoginWords> = { vi, en };

export function loginWords(lang: Lang): LoginWords {
  return LOGIN[lang];
}
