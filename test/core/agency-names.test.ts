// Questions that name an agency the way people do ("sở khoa học", "bên tư pháp", "Department of Science")
// are answered for that agency, not with a list of others to choose from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { harness, type Harness } from './helpers.ts';

describe.each(dbKinds())('agencies named informally, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  const firstLine = async (text: string) => (await h.ask(text)).split('\n')[0];

  it('answers "the Department of Science" for Science and Technology', async () => {
    expect(await firstLine('which tasks of the Department of Science are overdue')).toBe(
      '🔴 10 overdue tasks — Department of Science and Technology:',
    );
    expect(await firstLine('summary of the science department')).toBe(
      '📊 Progress summary — Department of Science and Technology — 15 Jul 2025',
    );
  });

  it('answers "sở khoa học", "sở tài chính", "bên tư pháp" and "công an" for those agencies', async () => {
    expect(await firstLine('nhiệm vụ nào của sở khoa học quá hạn')).toBe(
      '🔴 10 nhiệm vụ quá hạn — Sở Khoa học và Công nghệ:',
    );
    expect(await firstLine('tổng hợp tiến độ sở tài chính')).toBe(
      '📊 Tổng hợp tiến độ — Sở Tài chính — ngày 15/07/2025',
    );
    expect(await h.ask('bên tư pháp có việc gì quá hạn')).toBe(
      'Không có nhiệm vụ nào quá hạn (Sở Tư pháp) 🎉',
    );
    expect(await firstLine('công an có nhiệm vụ nào quá hạn')).toBe('🔴 3 nhiệm vụ quá hạn — Công an tỉnh:');
  });

  it('asks which agency only when the words fit several', async () => {
    const text = await h.ask('bên công có việc gì quá hạn');
    expect(text.split('\n')[0]).toBe('Bạn muốn hỏi đơn vị nào?');
    expect(text).not.toMatch(/Sở Tài chính|Sở Tư pháp|Sở Y tế/);
  });
});
