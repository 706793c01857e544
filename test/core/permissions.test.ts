import { describe, expect, it } from 'vitest';
import {
  canAsk,
  canRequestExplanation,
  canUpdate,
  canUseConsole,
  consoleScope,
  inScope,
} from '../../src/core/permissions.ts';
import type { Person } from '../../src/core/ports.ts';
import type { AgencyCode, ItemCode, PersonCode, Role } from '../../src/core/types.ts';

function person(code: string, role: Role, agency: string): Person {
  return {
    id: 1,
    code: code as PersonCode,
    name: `Người ${code}`,
    role,
    agency: agency as AgencyCode,
    agencyName: { vi: agency, en: agency },
    lang: 'vi',
  };
}

const leader = person('P02', 'leader', 'UBND');
const admin = person('P05', 'admin', 'SKHCN');
const staff = person('P10', 'staff', 'SKHCN');
const police = person('P13', 'staff', 'CA');

const task = (agency: string, assignee: string | null) => ({
  kind: 'task' as const,
  code: 'DA06-03.2' as ItemCode,
  agency: agency as AgencyCode,
  agencyName: { vi: 'Sở Tài chính', en: 'Department of Finance' },
  assignee: assignee ? { code: assignee as PersonCode, name: 'X' } : null,
});
const target = (agency: string) => ({
  ...task(agency, null),
  kind: 'target' as const,
  code: 'DA06-03' as ItemCode,
});

describe('permissions', () => {
  it('let only registered people ask anything', () => {
    expect(canAsk(null)).toBe(false);
    expect(canAsk(staff)).toBe(true);
  });

  it('let leaders and admins update any task or target', () => {
    for (const p of [leader, admin]) {
      expect(canUpdate(p, task('STC', 'P19'), 'vi').ok).toBe(true);
      expect(canUpdate(p, target('CA'), 'vi').ok).toBe(true);
    }
  });

  it("let staff update their own agency's tasks and tasks assigned to them", () => {
    expect(canUpdate(staff, task('SKHCN', 'P09'), 'vi').ok).toBe(true);
    expect(canUpdate(police, task('STC', 'P13'), 'vi').ok).toBe(true);
  });

  it("refuse staff another agency's task, in one line saying why, in the sender's language", () => {
    const vi = canUpdate(staff, task('STC', 'P19'), 'vi');
    expect(vi).toEqual({
      ok: false,
      why: 'Bạn chỉ cập nhật được nhiệm vụ của đơn vị mình hoặc được giao cho bạn; DA06-03.2 thuộc Sở Tài chính.',
    });
    const en = canUpdate(staff, task('STC', 'P19'), 'en');
    expect(en.ok || en.why).toMatch(/^You can only update tasks .* Department of Finance\.$/);
  });

  it('let staff update only the targets their agency leads', () => {
    expect(canUpdate(police, target('CA'), 'vi').ok).toBe(true);
    const refused = canUpdate(staff, target('CA'), 'vi');
    expect(refused.ok || refused.why).toMatch(/chỉ tiêu do đơn vị mình chủ trì; DA06-03/);
  });

  it('let only leaders and admins ask for an explanation', () => {
    expect(canRequestExplanation(leader, 'vi').ok).toBe(true);
    expect(canRequestExplanation(admin, 'vi').ok).toBe(true);
    expect(canRequestExplanation(staff, 'en')).toEqual({
      ok: false,
      why: 'Only leaders and administrators can ask for an explanation.',
    });
  });

  it("let a commune's leader update and see in the console only his commune's items", () => {
    const chairman = { ...person('P32', 'leader', 'X-TANPHU'), local: true };
    expect(canUpdate(chairman, task('X-TANPHU', 'P32'), 'vi').ok).toBe(true);
    expect(canUpdate(chairman, task('X-BACPHONG', 'P33'), 'vi').ok).toBe(false);
    const scope = consoleScope(chairman);
    expect(inScope(scope, task('X-TANPHU', null))).toBe(true);
    expect(inScope(scope, task('X-BACPHONG', 'P33'))).toBe(false);
    expect(inScope(scope, task('SNV', 'P32'))).toBe(true);
    expect(consoleScope(leader)).toEqual({ all: true });
    expect(consoleScope({ ...admin, local: true })).toEqual({ all: true });
  });

  it('let only leaders and admins sign in to the console', () => {
    expect([leader, admin, staff].map(canUseConsole)).toEqual([true, true, false]);
  });
});
