/**
 * Checks that a chaincode's contracts and its transaction map describe the same
 * transactions: every method Fabric sees (fabric-contract-api metadata) was
 * registered by `@Tx` from the map, with the map's kind, and every map line has
 * a method. Each chaincode's unit tests call this.
 */
import { registeredTransactions } from './tx-decorator';
import type { TxKind } from './spec';

/** What the check reads of a map (any map fits, whatever its grants). */
interface MapLines {
  readonly transactions: Readonly<Record<string, { readonly kind: TxKind }>>;
}

const metadata = Reflect as unknown as { getMetadata(key: string, target: object): unknown };

interface FabricTx {
  name: string;
  tag: string[];
}

export interface TransactionDrift {
  /** Map lines no contract method registers. */
  missing: string[];
  /** Fabric transactions not registered from the map with `@Tx`. */
  unregistered: string[];
  /** Transactions whose Fabric kind (submit/evaluate) differs from the map's. */
  wrongKind: string[];
}

export function transactionDrift(contracts: readonly { getName(): string }[], ...maps: MapLines[]): TransactionDrift {
  const lines = new Map(maps.flatMap((m) => Object.entries(m.transactions)));
  const seen = new Set<string>();
  const drift: TransactionDrift = { missing: [], unregistered: [], wrongKind: [] };
  for (const contract of contracts) {
    const registered = registeredTransactions(contract);
    const fabric = (metadata.getMetadata('fabric:transactions', Object.getPrototypeOf(contract) as object) ?? []) as FabricTx[];
    for (const tx of fabric) {
      const wire = `${contract.getName()}:${tx.name}`;
      seen.add(wire);
      const spec = lines.get(wire);
      if (!spec || registered.get(wire)?.spec !== (spec as unknown)) drift.unregistered.push(wire);
      else if ((spec.kind === 'submit') !== tx.tag.includes('SUBMIT')) drift.wrongKind.push(wire);
    }
  }
  drift.missing = [...lines.keys()].filter((wire) => !seen.has(wire));
  return drift;
}
