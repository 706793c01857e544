// Zod schemas and types for the Zalo Bot API's answers and updates, as lenient as the platform is loose.
import { z } from 'zod';

/** Event names the bot understands today; anything else still parses and is simply ignored upstream. */
export const KNOWN_ZALO_EVENTS = [
  'message.text.received',
  'message.image.received',
  'message.sticker.received',
  'message.unsupported.received',
] as const;
export type KnownZaloEventName = (typeof KNOWN_ZALO_EVENTS)[number];

/**
 * Zalo sends ids as strings (hex-like), but a number must not break the bot, so both are read and
 * normalised to string: ids are opaque keys, never arithmetic.
 */
const idSchema = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

// looseObject everywhere: Zalo adds fields without notice, and an extra field must never cost us an update.
export const zaloUserSchema = z.looseObject({
  id: idSchema,
  display_name: z.string().optional(),
  is_bot: z.boolean().optional(),
});
export type ZaloUser = z.output<typeof zaloUserSchema>;

export const zaloChatSchema = z.looseObject({
  id: idSchema,
  /** "PRIVATE" or "GROUP" today; kept as a plain string so a new kind is not a parse failure. */
  chat_type: z.string(),
});
export type ZaloChat = z.output<typeof zaloChatSchema>;

export const zaloMessageSchema = z.looseObject({
  message_id: idSchema,
  from: zaloUserSchema,
  chat: zaloChatSchema,
  /** Milliseconds since the epoch (not seconds, unlike Telegram). */
  date: z.number().optional(),
  text: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
});
export type ZaloMessage = z.output<typeof zaloMessageSchema>;

export const zaloUpdateSchema = z.looseObject({
  event_name: z.string(),
  // Optional because a future event kind may carry no message at all.
  message: zaloMessageSchema.optional(),
});
export type ZaloUpdate = z.output<typeof zaloUpdateSchema>;

/** A text message update narrowed so callers need no further null checks. */
export type ZaloTextUpdate = ZaloUpdate & {
  event_name: 'message.text.received';
  message: ZaloMessage & { text: string };
};

export function isTextUpdate(update: ZaloUpdate): update is ZaloTextUpdate {
  return update.event_name === 'message.text.received' && typeof update.message?.text === 'string';
}

export function isKnownEvent(name: string): name is KnownZaloEventName {
  return (KNOWN_ZALO_EVENTS as readonly string[]).includes(name);
}

/**
 * Every answer is wrapped; `ok` decides success, never the HTTP status (an ok:false can come with 200).
 * `parameters.retry_after` is read in case Zalo follows Telegram on 429; the docs do not promise it.
 */
export const zaloEnvelopeSchema = z.discriminatedUnion('ok', [
  z.looseObject({ ok: z.literal(true), result: z.unknown().optional() }),
  z.looseObject({
    ok: z.literal(false),
    error_code: z.number().optional(),
    description: z.string().optional(),
    parameters: z.looseObject({ retry_after: z.number().optional() }).optional(),
  }),
]);
export type ZaloEnvelope = z.output<typeof zaloEnvelopeSchema>;

/** getMe. The docs show account_name/account_type/can_join_groups; other clients report name/display_name. */
export const zaloBotInfoSchema = z.looseObject({
  id: idSchema,
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
  display_name: z.string().optional(),
});
export type ZaloBotInfo = z.output<typeof zaloBotInfoSchema>;

/** setWebhook, deleteWebhook and getWebhookInfo all answer with this; url is "" when none is set. */
export const zaloWebhookInfoSchema = z.looseObject({
  url: z.string().default(''),
  updated_at: z.number().optional(),
});
export type ZaloWebhookInfo = z.output<typeof zaloWebhookInfoSchema>;

/** sendMessage and sendPhoto. */
export const zaloSentMessageSchema = z.looseObject({
  message_id: idSchema,
  date: z.number().optional(),
});
export type ZaloSentMessage = z.output<typeof zaloSentMessageSchema>;

/** The wire names of the methods this client calls; used in errors and logs instead of the URL. */
export type ZaloMethod =
  | 'getMe'
  | 'getUpdates'
  | 'setWebhook'
  | 'deleteWebhook'
  | 'getWebhookInfo'
  | 'sendMessage'
  | 'sendPhoto'
  | 'sendChatAction';

/** Zalo's documented limit for a text message and a photo caption. */
export const ZALO_MAX_TEXT = 2000;

/**
 * Accepts a bare update or one wrapped as `{ok:true, result}` (webhook calls have been seen in both forms).
 * Returns null when the value is neither; never throws.
 */
export function parseZaloUpdate(value: unknown): ZaloUpdate | null {
  const bare = zaloUpdateSchema.safeParse(value);
  if (bare.success) return bare.data;
  const env = zaloEnvelopeSchema.safeParse(value);
  if (env.success && env.data.ok) {
    const inner = zaloUpdateSchema.safeParse(env.data.result);
    if (inner.success) return inner.data;
  }
  return null;
}
