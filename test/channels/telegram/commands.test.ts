// The command menu: valid for Telegram, and every command one the core understands.
import { describe, expect, it } from 'vitest';
import { menuCalls } from '../../../src/channels/telegram/commands.ts';
import { parseMessage } from '../../../src/core/intent/index.ts';
import type { LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

describe('the command menu', () => {
  const calls = menuCalls(false);

  it('has Vietnamese as the default and English for English-language apps, for private chats and groups', () => {
    expect(calls.map((c) => [c.scope?.type, c.language_code ?? null])).toEqual([
      ['default', null],
      ['all_private_chats', 'vi'],
      ['all_private_chats', 'en'],
      ['all_group_chats', null],
      ['all_group_chats', 'en'],
    ]);
  });

  it('uses names Telegram accepts and descriptions within its limits', () => {
    for (const call of calls) {
      for (const c of call.commands) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThan(2);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
  });

  it('lists only commands the core reads (none falls to “unknown” without a control)', () => {
    const lexicon = demoLexicon();
    for (const call of calls) {
      for (const c of call.commands) {
        const parsed = parseMessage(`/${c.command}`, lexicon, '2025-07-15' as LocalDate);
        const read = parsed.control === null ? parsed.intent.intent : parsed.control.kind;
        expect([c.command, read]).not.toEqual([c.command, 'unknown']);
      }
    }
  });

  it('offers the group digest in groups only', () => {
    const where = (scope: string) =>
      calls.filter((c) => c.scope?.type === scope).flatMap((c) => c.commands.map((x) => x.command));
    expect(where('all_group_chats')).toEqual(expect.arrayContaining(['bantin', 'digest']));
    expect(where('all_private_chats')).not.toContain('bantin');
  });

  it('keeps /viectoi and /mytasks out of groups, where personal lists are not shown', () => {
    const group = calls
      .filter((c) => c.scope?.type === 'all_group_chats')
      .flatMap((c) => c.commands.map((x) => x.command));
    expect(group).not.toContain('viectoi');
    expect(group).not.toContain('mytasks');
  });

  it('adds /baocao and /report only when reports are on', () => {
    expect(calls[0]!.commands.map((c) => c.command)).not.toContain('baocao');
    expect(menuCalls(false, true)[0]!.commands.map((c) => c.command)).toContain('baocao');
    expect(menuCalls(false, true)[2]!.commands.map((c) => c.command)).toContain('report');
  });

  it('adds /chart only when charts are on', () => {
    expect(calls[0]!.commands.map((c) => c.command)).not.toContain('chart');
    expect(menuCalls(true)[0]!.commands.map((c) => c.command)).toContain('chart');
  });
});
