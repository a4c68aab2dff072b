/**
 * Drift guard between the route tables and the chaincode: every transaction a
 * contract declares (fabric-contract-api metadata of the built chaincode) has
 * exactly one table line of the same kind, nothing else is in the table, and
 * each line validates with the very schema objects (input and transient) the
 * chaincode's `@Tx` parses with, so the route and the chaincode cannot disagree
 * on what a valid input is.
 */
import { registeredTransactions } from '@dec/chaincode-kit';
import { expect } from 'chai';
import { CHAINCODE_TABLES } from './tables';
import { kebab, txPath } from './table';

interface TxMeta {
  name: string;
  tag: string[];
  parameters?: unknown[];
}

/** reflect-metadata's API, installed by fabric-contract-api when a chaincode loads. */
const metadata = Reflect as unknown as { getMetadata(key: string, target: object): unknown };

type Contract = new () => { getName(): string };

interface Declared {
  kind: 'submit' | 'evaluate';
  params: number;
  input: unknown;
  transient: unknown;
}

function declared(contracts: Contract[]): Map<string, Declared> {
  const out = new Map<string, Declared>();
  for (const C of contracts) {
    const contract = new C();
    const name = contract.getName();
    const registered = registeredTransactions(contract);
    const txs = (metadata.getMetadata('fabric:transactions', C.prototype as object) ?? []) as TxMeta[];
    for (const t of txs) {
      const spec = registered.get(`${name}:${t.name}`)?.spec;
      out.set(`${name}:${t.name}`, { kind: t.tag.includes('SUBMIT') ? 'submit' : 'evaluate', params: t.parameters?.length ?? 0, input: spec?.input, transient: spec?.transient });
    }
  }
  return out;
}

describe('chaincode route tables', () => {
  const chaincodes: Record<string, () => Contract[]> = {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: fabric-contract-api registers metadata on load
    energy: () => (require('@dec/chaincode-energy') as { contracts: Contract[] }).contracts,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
    scf: () => (require('@dec/chaincode-scf') as { contracts: Contract[] }).contracts,
  };

  for (const table of CHAINCODE_TABLES) {
    describe(`${table.chaincode} on ${table.channel}`, () => {
      const meta = (): Map<string, Declared> => {
        const load = chaincodes[table.chaincode];
        if (!load) throw new Error(`no chaincode ${table.chaincode}`);
        return declared(load());
      };

      it('has one line per chaincode transaction, of the same kind and arity', () => {
        const txs = meta();
        const lines = new Map(table.transactions.map((t) => [t.name, t]));
        expect(lines.size, 'duplicate table lines').to.equal(table.transactions.length);
        const missing = [...txs.keys()].filter((n) => !lines.has(n));
        const extra = [...lines.keys()].filter((n) => !txs.has(n));
        expect(missing, `transactions without a table line in gateway-api/src/chaincode/${table.chaincode}-table.ts`).to.deep.equal([]);
        expect(extra, 'table lines without a chaincode transaction').to.deep.equal([]);
        for (const [name, m] of txs) {
          const line = lines.get(name)!;
          expect(line.kind, name).to.equal(m.kind);
          expect(line.input !== undefined, `${name} takes ${m.params} argument(s)`).to.equal(m.params > 0);
        }
      });

      it('validates every input with the schema objects the chaincode parses with', () => {
        const txs = meta();
        for (const line of table.transactions) {
          const m = txs.get(line.name)!;
          expect(m.input !== undefined || line.input === undefined, `${line.name} is registered from the chaincode's transaction map`).to.equal(true);
          expect(line.input === m.input, `${line.name}: the route's input schema is the chaincode's`).to.equal(true);
          expect(line.transient === m.transient, `${line.name}: the route's transient fields are the chaincode's`).to.equal(true);
        }
      });

      it('gives every transaction its own path', () => {
        const paths = table.transactions.map((t) => txPath(table, t));
        expect(new Set(paths).size).to.equal(paths.length);
      });
    });
  }

  it('turns transaction names into kebab-case path segments', () => {
    expect(kebab('RecordSupplierPayment')).to.equal('record-supplier-payment');
    expect(kebab('WhoAmI')).to.equal('who-am-i');
    expect(kebab('GetDECC')).to.equal('get-decc');
  });
});
