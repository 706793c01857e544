// The intent classifier, trained in-process the first time a message needs it (about 20 s, once, then
// cached), from the generated corpus and the hand-labelled lines. Deterministic: same corpus, same model.
import type { Lexicon, LocalDate } from '../types.ts';
import { analyse, clauseStarts, periodText, type Analysis } from './analysis.ts';
import { DIMS, predict, rng, train, type Model, type Prediction } from './classifier.ts';
import { generate, inEveryStyle, type Labelled } from './corpus/generate.ts';
import { handwritten, type Phrasing } from './corpus/handwritten.ts';
import { labelledLines } from './corpus/labelled.ts';
import { TRAINING_LEXICON } from './corpus/lexicon.ts';
import { LABELS, type Label } from './corpus/templates.ts';
import { featuresOf } from './features.ts';
import { introduction, namedAsPlace, readSlots, type Slots } from './slots.ts';
import { matchScope, programWords } from './lexicon-match.ts';
import { readCachedModel, writeCachedModel } from './model-cache.ts';
import { resolvePeriod } from './period.ts';
import { looksLikeQuestion } from './update.ts';

export function slotsOf(a: Analysis, lexicon: Lexicon, today: LocalDate): Slots {
  const scope = matchScope(a.tokens, lexicon);
  const period = resolvePeriod(periodText(a), today);
  // A programme's own name says nothing of the question: "chuyển đổi số" holds "đợi" (waiting) and
  // "đội sổ" (last in the ranking) once its marks are gone.
  const named = programWords(a.tokens, lexicon);
  // Nor does the sender's introduction of themself ("Tôi là Phan Thị Mai."): who asks, not what.
  const intro = introduction(a.tokens, a.masked);
  const words = a.tokens.map((t, i) =>
    intro.has(i) || named.some(([from, to]) => i >= from && i < to) ? { ...t, folded: '#' } : t,
  );
  const slots = readSlots(
    words,
    {
      question: looksLikeQuestion(a),
      period: period !== null,
      // ISO dates compare as strings. "10 ngày qua", "last 30 days" end today but look back.
      pastPeriod: period !== null && (period.to < today || (period.to === today && period.from < today)),
      program: scope.program !== null,
      agency: scope.agency !== null || scope.agencyChoices.length > 0,
      agencyPlace: scope.agencyAt !== null && namedAsPlace(a.tokens, scope.agencyAt),
      dueBy:
        period !== null && /(?<![a-z])(?:truoc|before|by)\s+(?:ngay\s+)?\d{1,2}\/\d{1,2}/u.test(a.masked),
    },
    clauseStarts(a),
  );
  // "% hoàn thành đa06", "Resolution 57 % complete": a percent sign with no number before it but a
  // programme's own, a share asked for, a count.
  let text = a.masked;
  for (const [from, to] of named) {
    const start = a.tokens[from]?.start ?? 0;
    const end = a.tokens[to - 1]?.end ?? start;
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  }
  return /(?<![\d\s])\s*%|^\s*%/u.test(text) && !/\d\s*%/u.test(text) ? { ...slots, count: true } : slots;
}

const TRAINING_DAY = '2025-07-15' as LocalDate;

/**
 * The whole training corpus: generated sentences, the hand-written phrasings in every style, and the
 * hand-labelled lines as written, their careful and English ones also rewritten in every style.
 */
export function trainingCorpus(
  phrasings: readonly Phrasing[] | null = null,
  labelled: readonly Labelled[] = labelledLines(),
): Labelled[] {
  const own = phrasings ?? handwritten();
  const careful = labelled.filter((l) => l.style === 'careful' || l.style === 'english');
  return [
    ...generate(rng(2025)),
    ...inEveryStyle(own, rng(2026)),
    ...labelled,
    ...inEveryStyle(careful, rng(2027)),
  ];
}

let model: Model | null = null;

/** A model trained on `corpus` (the default corpus when omitted). */
export function trainModel(corpus: readonly Labelled[] = trainingCorpus()): Model {
  const examples = corpus.map((l) => {
    const a = analyse(l.text, () => null);
    return {
      features: featuresOf(a.tokens, slotsOf(a, TRAINING_LEXICON, TRAINING_DAY)),
      label: LABELS.indexOf(l.label),
    };
  });
  return train(examples, LABELS);
}

/** The model parsing uses: the cached one for these sources, else trained now (and cached for next time). */
export function intentModel(): Model {
  if (model !== null) return model;
  model = readCachedModel(DIMS);
  if (model === null) {
    model = trainModel();
    writeCachedModel(model);
  }
  return model;
}

/** Replaces the model parsing uses (tuning scripts compare corpora with it); null to go back to the default. */
export function useModel(next: Model | null): void {
  model = next;
}

export interface IntentReading {
  slots: Slots;
  prediction: Prediction & { label: Label; second: Label };
}

export function readIntent(a: Analysis, lexicon: Lexicon, today: LocalDate): IntentReading {
  const slots = slotsOf(a, lexicon, today);
  const prediction = predict(intentModel(), featuresOf(a.tokens, slots)) as IntentReading['prediction'];
  return { slots, prediction };
}
