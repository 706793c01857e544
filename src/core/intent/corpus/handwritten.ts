// Hand-written messages in careful Vietnamese or English, worded unlike the frames of templates.ts (one
// label each, in handwritten.jsonl). The generator writes each in every style; their words join the
// vocabulary that typos are corrected towards.
import { readFileSync } from 'node:fs';
import type { Label } from './templates.ts';

export interface Phrasing {
  text: string;
  label: Label;
}

const FILE = new URL('./handwritten.jsonl', import.meta.url);

let cached: Phrasing[] | null = null;

export function handwritten(): readonly Phrasing[] {
  cached ??= readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Phrasing);
  return cached;
}
