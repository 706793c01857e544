// A small literal province for the reminder tests: two leaders, a department with a head, a centre without one.
import type {
  AgencyCode,
  ItemCode,
  ItemView,
  Named,
  Percent,
  PersonCode,
  ProgramCode,
} from '../../src/core/types.ts';
import {
  DEFAULT_HOLIDAYS,
  DEFAULT_RULES,
  type PlanAgency,
  type PlanInput,
  type PlanPerson,
  asLocalDate,
} from '../../src/reminders/index.ts';

export const P = (code: string): PersonCode => code as PersonCode;
export const I = (code: string): ItemCode => code as ItemCode;
export const A = (code: string): AgencyCode => code as AgencyCode;
export const PG = (code: string): ProgramCode => code as ProgramCode;

/** Tuesday 15 July 2025, 08:00 in Hà Nội. */
export const TUESDAY_8AM = new Date('2025-07-15T08:00:00+07:00');

export const AGENCY_NAMES: Record<string, Named> = {
  UBND: { vi: 'Ủy ban nhân dân tỉnh Hòa An', en: "Hoa An Provincial People's Committee" },
  SKHCN: { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology' },
  TTCDS: { vi: 'Trung tâm Chuyển đổi số', en: 'Digital Transformation Centre' },
  'X-TANPHU': { vi: 'Xã Tân Phú', en: 'Tan Phu Commune' },
};

export const agencies: PlanAgency[] = [
  { code: A('UBND'), name: AGENCY_NAMES.UBND!, parent: null, head: P('P02') },
  { code: A('SKHCN'), name: AGENCY_NAMES.SKHCN!, parent: A('UBND'), head: P('P07') },
  { code: A('TTCDS'), name: AGENCY_NAMES.TTCDS!, parent: A('SKHCN'), head: null },
  { code: A('X-TANPHU'), name: AGENCY_NAMES['X-TANPHU']!, parent: A('UBND'), head: P('P32') },
];

const person = (
  code: string,
  name: string,
  role: PlanPerson['role'],
  agency: string,
  lang: PlanPerson['lang'] = 'vi',
  channels: PlanPerson['channels'] = ['telegram'],
): PlanPerson => ({ code: P(code), name, role, agency: A(agency), lang, channels });

export const people: PlanPerson[] = [
  person('P02', 'Trần Quốc Thắng', 'leader', 'UBND'),
  person('P03', 'Phạm Thị Thu Hà', 'leader', 'UBND', 'en', ['zalo']),
  person('P07', 'Ngô Đức Minh', 'staff', 'SKHCN'),
  person('P09', 'Đặng Quang Huy', 'staff', 'SKHCN'),
  person('P11', 'Lý Văn Khánh', 'staff', 'SKHCN', 'en'),
  person('P20', 'Tạ Quang Vinh', 'staff', 'TTCDS', 'vi', ['zalo']),
  person('P32', 'Nguyễn Văn Tâm', 'staff', 'X-TANPHU', 'vi', []),
];

export interface ItemSpec {
  due: string;
  assignee?: string | null;
  agency?: string;
  status?: ItemView['status'];
  progress?: number;
  /** ISO instant of the last update; defaults to a month before the reference day. */
  updated?: string;
  title?: string;
}

const nameOf = (code: string): string => people.find((p) => p.code === code)?.name ?? code;

export function task(code: string, spec: ItemSpec): ItemView {
  const agency = spec.agency ?? 'SKHCN';
  const assignee = spec.assignee === undefined ? 'P09' : spec.assignee;
  return {
    kind: 'task',
    code: I(code),
    title: { vi: spec.title ?? `Việc ${code}`, en: spec.title ?? `Task ${code}` },
    program: PG(code.split('-')[0] ?? code),
    agency: A(agency),
    agencyName: AGENCY_NAMES[agency] ?? { vi: agency, en: agency },
    assignee: assignee === null ? null : { code: P(assignee), name: nameOf(assignee) },
    dueDate: asLocalDate(spec.due),
    dueText: null,
    status: spec.status ?? (spec.progress ? 'in_progress' : 'not_started'),
    progress: (spec.progress ?? (spec.status === 'done' ? 100 : 0)) as Percent,
    updatedAt: new Date(spec.updated ?? '2025-06-15T09:00:00+07:00'),
    startDate: asLocalDate('2025-01-01'),
    completedAt: spec.status === 'done' ? new Date(spec.updated ?? '2025-06-15T09:00:00+07:00') : null,
  };
}

export function target(code: string, spec: ItemSpec): ItemView {
  return { ...task(code, { ...spec, assignee: null }), kind: 'target' };
}

export function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    now: TUESDAY_8AM,
    tz: 'Asia/Ho_Chi_Minh',
    holidays: DEFAULT_HOLIDAYS,
    rules: { defaults: DEFAULT_RULES, byProgram: {} },
    people,
    agencies,
    items: [],
    programs: [
      { code: PG('NQ57'), name: { vi: 'Nghị quyết 57', en: 'Resolution 57' } },
      { code: PG('DA06'), name: { vi: 'Đề án 06', en: 'Project 06' } },
    ],
    lastUpdateBy: [],
    snoozes: [],
    pendingExplanations: [],
    unreachable: [],
    ...overrides,
  };
}
