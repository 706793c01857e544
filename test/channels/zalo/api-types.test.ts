// Tolerant parsing of Zalo updates: unknown fields and events pass, broken shapes are refused, never thrown.
import { describe, expect, it } from 'vitest';
import {
  isKnownEvent,
  isTextUpdate,
  parseZaloUpdate,
  zaloEnvelopeSchema,
} from '../../../src/channels/zalo/api-types.ts';

const realShape = {
  event_name: 'message.text.received',
  message: {
    from: { id: '6ede9afa66b88fe6d6a9', display_name: 'Ted', is_bot: false },
    chat: { id: '6ede9afa66b88fe6d6a9', chat_type: 'PRIVATE' },
    text: 'Xin chào',
    message_id: '2d758cb5e222177a4e35',
    date: 1750316131602,
  },
};

describe('Zalo update parsing', () => {
  it('reads the documented text message shape', () => {
    const u = parseZaloUpdate(realShape);
    expect(u && isTextUpdate(u)).toBe(true);
    expect(u?.message?.from.display_name).toBe('Ted');
    expect(u?.message?.date).toBe(1750316131602);
  });

  it('keeps unknown fields instead of failing on them', () => {
    const u = parseZaloUpdate({
      ...realShape,
      extra: 1,
      message: { ...realShape.message, sticker_url: 's' },
    });
    expect(u).toMatchObject({ extra: 1, message: { sticker_url: 's' } });
  });

  it('reads an image message as a known non-text event', () => {
    const u = parseZaloUpdate({
      event_name: 'message.image.received',
      message: { ...realShape.message, text: undefined, photo_url: 'https://img.test/a.jpg', caption: 'ảnh' },
    });
    expect(u?.message?.photo_url).toBe('https://img.test/a.jpg');
    expect(u && isTextUpdate(u)).toBe(false);
    expect(isKnownEvent('message.image.received')).toBe(true);
  });

  it('accepts unknown event names, with or without a message', () => {
    expect(parseZaloUpdate({ event_name: 'user.joined' })?.event_name).toBe('user.joined');
    expect(isKnownEvent('user.joined')).toBe(false);
  });

  it('unwraps the {ok, result} form', () => {
    expect(parseZaloUpdate({ ok: true, result: realShape })?.message?.text).toBe('Xin chào');
  });

  it('returns null for things that are not updates', () => {
    for (const v of [null, 'x', 42, {}, { ok: false }, { event_name: 3 }])
      expect(parseZaloUpdate(v)).toBeNull();
  });

  it('reads both envelope forms, with or without a result', () => {
    expect(zaloEnvelopeSchema.parse({ ok: true }).ok).toBe(true);
    const failure = zaloEnvelopeSchema.parse({ ok: false, error_code: 408, description: 'Request timeout' });
    expect(failure).toMatchObject({ ok: false, error_code: 408 });
  });
});
