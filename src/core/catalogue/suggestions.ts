// The questions the console's chat page offers to ask, by the asker's role, in each language.
import type { Role } from '../types.ts';
import type { Bilingual } from './bilingual.ts';

export const SUGGESTIONS: Bilingual<Record<Role, readonly string[]>> = {
  vi: {
    leader: [
      'mục tiêu NQ57 nào quá hạn?',
      'tổng hợp tiến độ NQ57',
      'việc gì sắp đến hạn tuần này',
      'tiến độ NQ57-12',
    ],
    admin: ['việc của tôi', 'Sở KH&CN có nhiệm vụ nào quá hạn?', 'hướng dẫn'],
    staff: ['việc của tôi', 'việc gì sắp đến hạn tuần này', 'hướng dẫn'],
  },
  en: {
    leader: [
      'which NQ57 targets are overdue?',
      'overall progress of Project 06',
      'what is due this week',
      'status of NQ57-12',
    ],
    admin: ['my tasks', 'overdue tasks of the Department of Science and Technology', 'help'],
    staff: ['my tasks', 'what is due this week', 'help'],
  },
};
