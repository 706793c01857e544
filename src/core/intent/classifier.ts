// A multinomial logistic regression over hashed sparse features: small, dependency-free and deterministic.
// It learns which words, character n-grams and slot hits tell each intent apart, from the corpus in ./corpus.

/** Feature space size: collisions stay rare for a few tens of thousands of distinct features. */
export const DIMS = 1 << 18;

export interface Model {
  labels: readonly string[];
  /** Row-major [feature][label]. */
  weights: Float32Array;
}

export interface Example {
  features: readonly string[];
  label: number;
}

/** FNV-1a, 32 bits: fast and stable across runs, so a model is the same on every machine. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (DIMS - 1);
}

function indexes(features: readonly string[]): Int32Array {
  return Int32Array.from(new Set(features.map(hashFeature)));
}

/** Seeded PRNG (mulberry32), so training order and therefore the model never vary between runs. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scores(w: Float32Array, k: number, x: Int32Array, out: Float64Array): void {
  out.fill(0);
  const scale = 1 / Math.sqrt(x.length || 1);
  for (const f of x) {
    const row = f * k;
    for (let c = 0; c < k; c++) out[c]! += (w[row + c] ?? 0) * scale;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, out[c]!);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < k; c++) out[c]! /= sum;
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  /** L2 shrink per update, applied lazily to the touched rows only. */
  l2?: number;
  seed?: number;
}

/** Stochastic gradient descent on the cross-entropy, with a decaying step. */
export function train(
  examples: readonly Example[],
  labels: readonly string[],
  opts: TrainOptions = {},
): Model {
  const k = labels.length;
  const w = new Float32Array(DIMS * k);
  const data = examples.map((e) => ({ x: indexes(e.features), y: e.label }));
  const order = data.map((_, i) => i);
  const random = rng(opts.seed ?? 57);
  const epochs = opts.epochs ?? 12;
  const l2 = opts.l2 ?? 1e-5;
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = (opts.rate ?? 0.6) / (1 + epoch * 0.3);
    for (const i of order) {
      const { x, y } = data[i]!;
      scores(w, k, x, p);
      const scale = rate / Math.sqrt(x.length || 1);
      for (const f of x) {
        const row = f * k;
        for (let c = 0; c < k; c++) {
          const grad = (c === y ? 1 : 0) - p[c]!;
          w[row + c] = (w[row + c] ?? 0) * (1 - l2) + scale * grad;
        }
      }
    }
  }
  return { labels, weights: w };
}

export interface Prediction {
  label: string;
  p: number;
  second: string;
  p2: number;
}

export function predict(model: Model, features: readonly string[]): Prediction {
  const k = model.labels.length;
  const p = new Float64Array(k);
  scores(model.weights, k, indexes(features), p);
  let best = 0;
  let second = 1;
  for (let c = 0; c < k; c++) {
    if (p[c]! > p[best]!) {
      second = best;
      best = c;
    } else if (c !== best && (second === best || p[c]! > p[second]!)) second = c;
  }
  return { label: model.labels[best]!, p: p[best]!, second: model.labels[second]!, p2: p[second]! };
}
