// A checker returns a reported "done" through the fake Bot API and the real telegraf, with a restart
// between the ↩️ button and the reason: the reason still returns the task, and reporter and assignee
// are both told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/actions.ts';
import { renderPlain } from '../../../src/core/reply.ts';
import type { ItemCode } from '../../../src/core/types.ts';
import { dbKinds } from '../../helpers/db.ts';
import { startRig, underConfirmation, type Rig } from './helpers.ts';

const P03 = 4_200_003; // Vice Chairwoman, NQ57's checker
const P09 = 4_200_009; // staff SKHCN: reports the task
const P10 = 4_200_010; // staff SKHCN: the task's assignee
const TASK = 'NQ57-10.2' as ItemCode;
const REASON = 'chưa có biên bản nghiệm thu của các thôn';

describe.each(dbKinds())('a checker returns a claim across a restart on Telegram (%s)', (kind) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ kind, mode: 'polling' });
    await underConfirmation(rig, { P03, P09, P10 });
  });
  afterAll(() => rig.close());

  const last = (chat: number) => rig.textsTo(chat).at(-1) ?? '';

  it('takes the reason after the restart: back in progress, the reason in its history, reporter and assignee told', async () => {
    await rig.say(P09, `${TASK} xong, đã kéo cáp đến 12 thôn`);
    expect(last(P09)).toMatch(/^⏳ NQ57-10\.2 .*chờ xác nhận/);
    const claim = rig.notified.find((n) => n.person === 'P03' && n.key.startsWith('claim:'));
    const back = claim!.reply.buttons[0]![1]!;
    expect(back.label).toBe('↩️ Trả lại');

    await rig.deliver(
      rig.fake.makeCallbackUpdate({
        fromId: P03,
        chatId: P03,
        data: encodeAction(back.action),
        messageId: 1,
      }),
    );
    expect(last(P03)).toMatch(/^↩️ Lý do trả lại NQ57-10\.2\?/);
    expect((await rig.store.item(TASK))!.item.status).toBe('in_progress');
    expect((await rig.store.claimOf(TASK))?.reporter).toBe('P09');

    await rig.restart();
    await rig.say(P03, REASON);
    expect(last(P03)).toBe(`↩️ Đã trả lại NQ57-10.2: về “đang thực hiện” (65%). Lý do: ${REASON}`);
    const after = (await rig.store.item(TASK))!;
    expect(after.item).toMatchObject({ status: 'in_progress', progress: 65, awaitingSince: null });
    expect(after.history[0]).toMatchObject({ note: REASON, status: 'in_progress' });
    expect(await rig.store.claimOf(TASK)).toBeNull();

    const told = rig.notified.filter((n) => n.key.startsWith('verdict:'));
    expect(told.map((n) => n.person).sort()).toEqual(['P09', 'P10']);
    for (const n of told) {
      const text = renderPlain(n.reply.lines);
      expect(text, n.person).toContain('Phạm Thị Thu Hà');
      expect(text, n.person).toContain(`Lý do: ${REASON}`);
    }
  });
});
