// The trained intent model kept in node_modules/.cache, so a process answers its first message without
// training (seconds on a loaded 2-core machine). The file is named by a hash of everything the model is
// made from — the corpus files and the parser's own source — so an edit to either trains a new one, and
// a stale model is never read. `dondoc prepare` (run by npm install) writes it; a miss trains as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from './classifier.ts';

const INTENT_DIR = fileURLToPath(new URL('./', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/dondoc/', import.meta.url));

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourcesOf(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => /\.(ts|jsonl)$/u.test(f))
    .sort();
}

let key: string | null = null;

/** A hash of src/core/intent (code and corpus): the same files, the same model. */
export function modelKey(): string {
  if (key !== null) return key;
  const h = createHash('sha256');
  for (const f of sourcesOf(INTENT_DIR))
    h.update(f.slice(INTENT_DIR.length)).update('\0').update(readFileSync(f));
  key = h.digest('hex').slice(0, 16);
  return key;
}

export const modelFile = (): string => join(CACHE_DIR, `intent-model-${modelKey()}.bin`);

/**
 * Only the feature rows with a weight are kept: [labels as JSON, its length first][row count][rows]
 * [weights, labels × rows], little-endian.
 */
export function serialise(model: Model): Buffer {
  const k = model.labels.length;
  const rows: number[] = [];
  for (let r = 0; r * k < model.weights.length; r++) {
    for (let c = 0; c < k; c++) {
      if (model.weights[r * k + c] !== 0) {
        rows.push(r);
        break;
      }
    }
  }
  const labels = Buffer.from(JSON.stringify(model.labels));
  const out = Buffer.alloc(8 + labels.length + rows.length * 4 + rows.length * k * 4);
  out.writeUInt32LE(labels.length, 0);
  labels.copy(out, 4);
  let at = 4 + labels.length;
  out.writeUInt32LE(rows.length, at);
  at += 4;
  for (const r of rows) at = out.writeUInt32LE(r, at);
  for (const r of rows) for (let c = 0; c < k; c++) at = out.writeFloatLE(model.weights[r * k + c]!, at);
  return out;
}

export function deserialise(bytes: Buffer, dims: number): Model {
  const n = bytes.readUInt32LE(0);
  const labels = JSON.parse(bytes.subarray(4, 4 + n).toString('utf8')) as string[];
  const k = labels.length;
  let at = 4 + n;
  const count = bytes.readUInt32LE(at);
  at += 4;
  const rows = Array.from({ length: count }, (_, i) => bytes.readUInt32LE(at + i * 4));
  at += count * 4;
  const weights = new Float32Array(dims * k);
  for (const r of rows) {
    for (let c = 0; c < k; c++) {
      weights[r * k + c] = bytes.readFloatLE(at);
      at += 4;
    }
  }
  return { labels, weights };
}

/** The cached model, or null when there is none for these sources (or it cannot be read). */
export function readCachedModel(dims: number): Model | null {
  try {
    return deserialise(readFileSync(modelFile()), dims);
  } catch {
    return null;
  }
}

/** Writes the model atomically; a read-only install just trains again next time. */
export function writeCachedModel(model: Model): boolean {
  const file = modelFile();
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, serialise(model));
    renameSync(partial, file);
    // Models of older sources are never read again.
    for (const old of readdirSync(CACHE_DIR)) {
      if (/^intent-model-[0-9a-f]+\.bin$/u.test(old) && join(CACHE_DIR, old) !== file) {
        rmSync(join(CACHE_DIR, old), { force: true });
      }
    }
    return true;
  } catch {
    return false;
  }
}
