/** The interfaces engine: lossless document, typed model, minimal edits, validation. */
export * from './types';
export { lex } from './lexer';
export { parse, analyze, print } from './parser';
export { toModel, modelOf, stanzasByName, startModes, type ModelOptions } from './model';
export { canonicalKey } from './keys';
export { bondModeName, MODE_SPECIFIC, XMIT_HASH_POLICIES } from './bond-modes';
export * from './address';
export { validate } from './validate';
export { newErrors } from './new-errors';
export * from './edit';
export { unifiedDiff } from './diff';
