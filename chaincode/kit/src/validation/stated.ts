/**
 * Refinements stated for the OpenAPI document (issue 20, item 4). A refinement
 * (a function) is invisible to the document generator, so a client generated
 * from the spec would send values the chaincode refuses. Each refinement that a
 * pattern or an enum can express carries it as metadata, which the gateway's
 * generator writes into the document; the schema's own checks (and their
 * messages) stay as they are. Patterns use only what ECMA-262 and Python regexes
 * both read (no lookarounds, no \u{...} escapes): the fuzzer that checks the
 * document is Python.
 */
import type { ZodType } from 'zod';

/** The schema, with `pattern` stated for the document. The pattern must accept exactly what the schema accepts. */
export function statedPattern<T extends ZodType>(schema: T, pattern: string): T {
  return schema.meta({ pattern });
}

/** The schema, with the values it accepts stated as an enum for the document. */
export function statedEnum<T extends ZodType>(schema: T, values: readonly (string | number)[]): T {
  return schema.meta({ enum: [...values] });
}

/** `a|b|c` for literal alternatives, regex characters escaped: the inside of a group. */
export function alternatives(values: readonly string[]): string {
  return values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/**
 * Fabric composite keys use U+0000 as delimiter and U+10FFFF as the end of a
 * range, so a key part may contain neither (ledger/keys.ts). The document states
 * it with the code point written literally (Python and ECMA `u` mode both read it
 * as one character).
 */
export const KEY_TEXT_PATTERN = '^[^\\u0000\u{10FFFF}]*$';
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be refused
export const KEY_TEXT = /^[^\u0000\u{10FFFF}]*$/u;
export const KEY_TEXT_MESSAGE = 'contains a character that cannot be part of a key';
