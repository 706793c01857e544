// How a surface declares its words: one table per language, with exactly the same keys, so a sentence
// missing in one language fails to compile (and test/core/catalogue.test.ts checks what types cannot).
import type { Lang } from '../types.ts';

/** A surface's words in each language the product speaks. */
export type Bilingual<W> = Readonly<Record<Lang, W>>;

/** A literal word table's shape with its strings widened: what the other language must mirror. */
export type WordsOf<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => WordsOf<R>
    : T extends readonly (infer E)[]
      ? readonly WordsOf<E>[]
      : { readonly [K in keyof T]: WordsOf<T[K]> };

/** Declares a surface from its Vietnamese table: `en` lacking a key of `vi`, or adding one, does not compile. */
export function bilingual<V extends object>(vi: V, en: NoInfer<WordsOf<V>>): Bilingual<WordsOf<V>> {
  return { vi: vi as unknown as WordsOf<V>, en };
}
