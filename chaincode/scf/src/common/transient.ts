/**
 * Private inputs (financing terms, repayments) travel in the proposal's
 * transient map, never as arguments: arguments are recorded in the block for
 * every channel member to read, transient data is not.
 */
import { parseInput, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';

export function readTransient<S extends z.ZodType>(ctx: DecContext, name: string, schema: S): z.infer<S> | undefined {
  const field = `transient.${name}`;
  try {
    return ctx.ledger.transient(name, (json) => parseInput(schema, json, field));
  } catch (e) {
    if (e instanceof SyntaxError) throw new ValidationError(field, 'is not valid JSON');
    throw e;
  }
}

export function requireTransient<S extends z.ZodType>(ctx: DecContext, name: string, schema: S): z.infer<S> {
  const value = readTransient(ctx, name, schema);
  if (value === undefined) throw new ValidationError(`transient.${name}`, 'is required in the transient map');
  return value;
}
