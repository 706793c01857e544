// The command menu Telegram shows and the commands the core reads are kept in step: every command in
// either language's menu, private or group, is read as something (never "không hiểu"), so a person
// who taps one always gets an answer.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/intent/index.ts';
import type { Lexicon, LocalDate } from '../../../src/core/types.ts';
import { menuCommands } from '../../../src/channels/telegram/commands.ts';

const LEXICON: Lexicon = { programs: [], agencies: [] };
const TODAY = '2025-07-15' as LocalDate;

describe('the Telegram command menu', () => {
  const all = (['vi', 'en'] as const).flatMap((lang) =>
    (['private', 'group'] as const).flatMap((where) => menuCommands(lang, where, true)),
  );

  it('lists commands in both languages', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each([...new Set(all.map((c) => c.command))])('/%s is read by the core', (command) => {
    const parsed = parseMessage(`/${command}`, LEXICON, TODAY);
    expect(parsed.intent.intent !== 'unknown' || parsed.control !== null).toBe(true);
  });
});
