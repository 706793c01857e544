// Writes the labelled set once, split by base message BEFORE any tuning: the training half to
// src/core/intent/corpus/train.jsonl (the classifier learns from it), the test half to
// bench/intent-set/test.jsonl (only `npm run bench -- intent` reads it). `npx tsx bench/intent-set/make.ts`.
import { writeFileSync } from 'node:fs';
import { rng } from '../../src/core/intent/classifier.ts';
import { inStyle, pick, STYLES, typo, type Style } from '../../src/core/intent/corpus/noise.ts';
import { BASES } from './bases.ts';

const SCOPES_VI = [
  '',
  '',
  'Sở Tư pháp',
  'sở tài chính',
  'xã Bắc Phong',
  'phường Ngọc Lâm',
  'Đề án 06',
  'nghị quyết số 57',
  'kế hoạch CĐS 2025',
  'sở nông nghiệp',
  'công an tỉnh',
  'trung tâm lưu trữ',
  'bên giáo dục',
  'sở công thương',
];
const SCOPES_EN = [
  '',
  'Project 06',
  'Resolution 57',
  'the Department of Finance',
  'the police',
  'Bac Phong commune',
];
const PERIODS_VI = [
  'tuần này',
  'tháng 10',
  'quý IV',
  'trước 31/12',
  '5 ngày tới',
  'tuần tới',
  'cuối tháng',
  'ngày mai',
  'tháng sau',
];
const PERIODS_EN = [
  'this week',
  'in October',
  'in Q4',
  'before 31/12',
  'in the next 5 days',
  'next month',
  'tomorrow',
];
const PAST_VI = ['tháng trước', 'quý 2', 'năm nay', 'tuần trước', '6 tháng đầu năm'];
const PAST_EN = ['last month', 'in Q2', 'last week', 'in the first half'];

export interface Line {
  text: string;
  label: string;
  style: Style;
}

const random = rng(1500);
const train: Line[] = [];
const test: Line[] = [];
const seen = new Set<string>();
for (const base of BASES) {
  const into = random() < 0.5 ? test : train;
  const en = base.en === true;
  const fill = (): string =>
    base.text
      .replace('{S}', () => pick(random, en ? SCOPES_EN : SCOPES_VI))
      .replace('{PP}', () => pick(random, en ? PAST_EN : PAST_VI))
      .replace('{P}', () => pick(random, en ? PERIODS_EN : PERIODS_VI))
      .replace(/\s+/gu, ' ')
      .trim();
  const styles: readonly Style[] = en ? ['english', 'english', 'typo'] : STYLES;
  for (const style of styles) {
    for (let n = 0; n < 4; n++) {
      const careful = fill();
      const text = en
        ? style === 'typo'
          ? typo(careful, random)
          : n === 1
            ? careful.toLowerCase()
            : careful
        : inStyle(careful, style, random);
      const key = text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      into.push({ text, label: base.label, style: base.label === 'unknown' ? 'ood' : style });
    }
  }
}
const jsonl = (lines: Line[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
writeFileSync(new URL('../../src/core/intent/corpus/train.jsonl', import.meta.url), jsonl(train));
writeFileSync(new URL('./test.jsonl', import.meta.url), jsonl(test));
console.log(`train ${train.length}, test ${test.length}, total ${train.length + test.length}`);
