/**
 * Chaincode transactions as table lines. Each line names the wire function
 * (`contract:Transaction`), whether it is submitted or evaluated, the zod schema
 * of its JSON argument (imported from the chaincode package, so the gateway and
 * the chaincode validate with one definition) and its transient fields. A new
 * transaction is one new line; routes and the OpenAPI document follow from it.
 */
import type { ZodType } from 'zod';

export interface TransientField {
  schema: ZodType;
  required: boolean;
}

export interface TxDef {
  /** Wire name `contract:Transaction`. */
  name: string;
  kind: 'submit' | 'evaluate';
  /** Schema of the one JSON argument; absent when the transaction takes no argument. */
  input?: ZodType;
  /** Turns the validated body into positional string arguments (default: one JSON argument). */
  args?: (input: unknown) => string[];
  transient?: Record<string, TransientField>;
  summary: string;
}

export interface ChaincodeTable {
  channel: string;
  chaincode: string;
  transactions: TxDef[];
}

export const submit = (name: string, input: ZodType | undefined, summary: string, extra: Partial<TxDef> = {}): TxDef => ({
  name,
  kind: 'submit',
  ...(input ? { input } : {}),
  summary,
  ...extra,
});

export const evaluate = (name: string, input: ZodType | undefined, summary: string, extra: Partial<TxDef> = {}): TxDef => ({
  name,
  kind: 'evaluate',
  ...(input ? { input } : {}),
  summary,
  ...extra,
});

export const required = (schema: ZodType): TransientField => ({ schema, required: true });
export const optional = (schema: ZodType): TransientField => ({ schema, required: false });

/** `RecordSupplierPayment` → `record-supplier-payment` */
export const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();

export function splitName(name: string): { contract: string; fn: string } {
  const [contract, fn] = name.split(':');
  if (!contract || !fn) throw new Error(`transaction name ${name} must be contract:Transaction`);
  return { contract, fn };
}

export function txPath(table: ChaincodeTable, tx: TxDef): string {
  const { contract, fn } = splitName(tx.name);
  return `/api/v1/${table.channel}/${contract}/${kebab(fn)}`;
}
