// fold: the one way the importer compares words, so "Hạn hoàn thành" and "han_hoan_thanh" match.

/** Lower case, no diacritics (đ → d), punctuation and runs of spaces folded to one space. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
