/**
 * `@Tx(MAP, 'contract:Name')` registers a contract method from its line in the
 * transaction map: it applies fabric-contract-api's `@Transaction(submit)` and
 * `@Returns('string')`, and wraps the method so that, before its body runs, the
 * caller is authorised against the map's grants and the input is parsed with
 * the map's schema. The body receives `(ctx, input, env)` and returns a value;
 * the wrapper returns it as canonical JSON, so every endorser's response is
 * byte-identical.
 */
import { Returns, Transaction } from 'fabric-contract-api';
import { canonicalJson } from '../canonical-json';
import { DecContext } from '../contract/dec-context';
import type { DecContract } from '../contract/dec-contract';
import { parseInput } from '../validation/input';
import { splitTxName, type InputOf, type TransactionMap, type TxEnv, type TxSpec } from './spec';

/** reflect-metadata's API, installed by fabric-contract-api. */
const metadata = Reflect as unknown as {
  defineMetadata(key: string, value: unknown, target: object, property?: string): void;
  getMetadata(key: string, target: object, property?: string): unknown;
};

/** Metadata key under which the map line a method was registered from is kept (read by drift tests). */
export const TX_SPEC_METADATA = 'dec:transaction';

/** What `@Tx` records on a method: its wire name and the very spec object it parses with. */
export interface RegisteredTx {
  readonly name: string;
  readonly spec: TxSpec<unknown>;
}

export type TxBody<I, A> = (ctx: DecContext, input: I, env: TxEnv<A>) => Promise<unknown>;

interface FabricTxMetadata {
  name: string;
  parameters?: { name?: string }[];
}

function parseArguments<G>(spec: TxSpec<G>, argument: string, args: readonly string[]): unknown {
  if (!spec.input) return undefined;
  if (!spec.positional) return parseInput(spec.input, args[0], argument);
  const fields = spec.positional;
  return parseInput(spec.input, Object.fromEntries(fields.map((f, i) => [f, args[i]])), argument);
}

/** Names the Fabric metadata parameters after the map (the wrapper's own parameters are `...args`). */
function nameParameters(target: object, key: string, names: readonly string[]): void {
  const txs = (metadata.getMetadata('fabric:transactions', target) ?? []) as FabricTxMetadata[];
  const entry = txs.find((t) => t.name === key);
  entry?.parameters?.forEach((p, i) => {
    p.name = names[i];
  });
}

export function Tx<G, A, T extends Readonly<Record<string, TxSpec<G>>>, N extends keyof T & string>(
  map: TransactionMap<G, A, T>,
  name: N,
): (target: DecContract, key: string, descriptor: { value?: TxBody<InputOf<T[N]>, A> }) => void {
  const spec: TxSpec<G> | undefined = map.transactions[name];
  if (!spec) throw new Error(`@Tx(${name}): the transaction map has no line ${name}`);
  const { fn } = splitTxName(name);
  return (target, key, descriptor) => {
    const body = descriptor.value;
    if (!body) throw new Error(`@Tx(${name}) must decorate a method`);
    if (key !== fn) throw new Error(`@Tx(${name}) decorates method ${key}: the method must be named ${fn}`);
    const wrapped = async function (this: DecContract, ctx: DecContext, ...args: string[]): Promise<string> {
      const actor = map.access.authorize(ctx.caller, name, spec.grants);
      const input = parseArguments(spec, map.argument, args) as InputOf<T[N]>;
      const env: TxEnv<A> = { txId: ctx.ledger.txId, now: ctx.ledger.txTime, actor };
      return canonicalJson(await body.call(this, ctx, input, env));
    };
    const parameters = spec.input ? (spec.positional ?? [map.argument]) : [];
    Object.defineProperty(target, key, { ...descriptor, value: wrapped });
    // The body's parameters differ from the wrapper's on purpose: the wrapper turns the raw arguments into them.
    descriptor.value = wrapped as unknown as TxBody<InputOf<T[N]>, A>;
    metadata.defineMetadata('design:paramtypes', [DecContext, ...parameters.map(() => String)], target, key);
    metadata.defineMetadata(TX_SPEC_METADATA, { name, spec } satisfies RegisteredTx, target, key);
    Transaction(spec.kind === 'submit')(target, key);
    Returns('string')(target, key);
    nameParameters(target, key, parameters);
  };
}

/** Every method `@Tx` registered on a contract class, by wire name (for drift tests). */
export function registeredTransactions(contract: object): Map<string, RegisteredTx> {
  const out = new Map<string, RegisteredTx>();
  const proto = Object.getPrototypeOf(contract) as object;
  for (const key of Object.getOwnPropertyNames(proto)) {
    const registered = metadata.getMetadata(TX_SPEC_METADATA, proto, key) as RegisteredTx | undefined;
    if (registered) out.set(registered.name, registered);
  }
  return out;
}
