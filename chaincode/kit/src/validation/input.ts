/**
 * Input validation at the contract boundary. Transactions take their input as
 * JSON strings; `parseInput` turns the first schema failure into a
 * ValidationError that names the field, before anything is read or written.
 */
import { z } from 'zod';
import { ValidationError } from '../errors';

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, root = 'input'): z.infer<S> {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ValidationError(root, 'is not valid JSON');
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? [root, ...issue.path.map(String)].join('.') : root;
    throw new ValidationError(field, issue?.message ?? 'is invalid');
  }
  return result.data;
}

/** Decoder for stored state: a schema failure here means corrupted state, not bad input. */
export function decoder<S extends z.ZodType>(schema: S, what: string): (json: unknown) => z.infer<S> {
  return (json) => {
    const result = schema.safeParse(json);
    if (!result.success) throw new Error(`stored ${what} is malformed: ${result.error.issues[0]?.message ?? ''}`);
    return result.data;
  };
}
