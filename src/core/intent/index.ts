// The intent parser's public face: what the core, the channels and the CLI may call.
export { emptyIntent, findBadPercent, parseMessage, type ItemContext } from './parse.ts';
export { findItemCodes, nearestCodes } from './codes.ts';
export { programOfCode } from './lexicon-match.ts';
export { fold, normalize, sanitizeText, toNfc } from './normalize.ts';
export { resolvePeriod } from './period.ts';
export { matchScope, type ScopeMatch } from './lexicon-match.ts';
