/**
 * Chaincode transactions as route-table lines, built from the chaincodes' own
 * transaction maps (`@dec/chaincode-<name>/transactions`): each line is the
 * wire name (`contract:Transaction`), submit or evaluate, the very zod schema
 * the chaincode parses its input with, its transient fields and summary. A new
 * transaction is one new line in the chaincode's map; routes and the OpenAPI
 * document follow from it.
 */
import type { TransientField, TxKind } from '@dec/chaincode-kit/core';
import type { ZodType } from 'zod';

export type { TransientField } from '@dec/chaincode-kit/core';

export interface TxDef {
  /** Wire name `contract:Transaction`. */
  name: string;
  kind: TxKind;
  /** Schema of the input; absent when the transaction takes no argument. */
  input?: ZodType;
  /** Turns the validated body into positional string arguments (default: one JSON argument). */
  args?: (input: unknown) => string[];
  transient?: Readonly<Record<string, TransientField>>;
  summary: string;
  /** The input field naming the debited account: submits of one account go one after another (fabric/lanes.ts). */
  lane?: string;
}

export interface ChaincodeTable {
  channel: string;
  chaincode: string;
  transactions: TxDef[];
}

/** What the gateway reads of a chaincode's transaction map (any map fits, whatever its grants). */
export interface TransactionMapView {
  readonly transactions: Readonly<
    Record<string, { readonly kind: TxKind; readonly input?: ZodType; readonly positional?: readonly string[]; readonly transient?: Readonly<Record<string, TransientField>>; readonly summary: string; readonly lane?: string }>
  >;
}

/** The named fields of the validated body, as the positional string arguments the chaincode takes. */
function positionalArgs(fields: readonly string[]): (input: unknown) => string[] {
  return (input) => fields.map((f) => String((input as Record<string, unknown>)[f]));
}

/** One table line per transaction of `map`, in the map's order. */
export function linesOf(map: TransactionMapView): TxDef[] {
  return Object.entries(map.transactions).map(([name, spec]) => ({
    name,
    kind: spec.kind,
    ...(spec.input ? { input: spec.input } : {}),
    ...(spec.positional ? { args: positionalArgs(spec.positional) } : {}),
    ...(spec.transient ? { transient: spec.transient } : {}),
    summary: spec.summary,
    ...(spec.lane ? { lane: spec.lane } : {}),
  }));
}

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
