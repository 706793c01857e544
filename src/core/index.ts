// The conversation core's public API: what channels, the CLI and the composition root may use.
export { handleMessage, MAX_TEXT_CHARS } from './conversation.ts';
export type { ConversationDeps, IncomingMessage, Notifier } from './turn.ts';
export { messages, type Messages } from './messages.ts';
export {
  formatDay,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatShortDay,
  itemLine,
  LIGHT_EMOJI,
  riskOrder,
  trafficLight,
  type Light,
} from './format.ts';
export { canAsk, canRequestExplanation, canUpdate, type Permission } from './permissions.ts';
