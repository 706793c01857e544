import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/intent/analysis.ts';
import { DIMS, predict } from '../../../src/core/intent/classifier.ts';
import { featuresOf } from '../../../src/core/intent/features.ts';
import { deserialise, modelKey, serialise } from '../../../src/core/intent/model-cache.ts';
import { slotsOf, trainModel } from '../../../src/core/intent/model.ts';
import { TRAINING_LEXICON } from '../../../src/core/intent/corpus/lexicon.ts';
import type { LocalDate } from '../../../src/core/types.ts';

const corpus = [
  { text: 'việc nào quá hạn', label: 'overdue', style: 'careful' },
  { text: 'việc gì sắp đến hạn', label: 'due_soon', style: 'careful' },
  { text: 'tổng hợp tiến độ', label: 'summary', style: 'careful' },
  { text: 'việc của tôi', label: 'my_tasks', style: 'careful' },
  { text: 'hướng dẫn', label: 'help', style: 'careful' },
  { text: 'thời tiết hôm nay', label: 'unknown', style: 'ood' },
] as const;

const features = (text: string) => {
  const a = analyse(text, () => null);
  return featuresOf(a.tokens, slotsOf(a, TRAINING_LEXICON, '2025-07-15' as LocalDate));
};

describe('the cached intent model', () => {
  it('reads back exactly the weights it was written with, so a cached model answers as the trained one', () => {
    const model = trainModel(corpus);
    const back = deserialise(serialise(model), DIMS);
    expect(back.labels).toEqual(model.labels);
    expect(back.weights.length).toBe(model.weights.length);
    let differing = 0;
    for (let i = 0; i < model.weights.length; i++) if (back.weights[i] !== model.weights[i]) differing += 1;
    expect(differing).toBe(0);
    for (const text of ['viec nao qua han', 'huong dan su dung', 'gia vang hom nay']) {
      expect(predict(back, features(text))).toEqual(predict(model, features(text)));
    }
  });

  it('is named by a hash of the parser sources and corpus, the same on every call', () => {
    expect(modelKey()).toMatch(/^[0-9a-f]{16}$/u);
    expect(modelKey()).toBe(modelKey());
  });
});
