/**
 * Drift guard between the route tables and the chaincode: every transaction a
 * contract declares (fabric-contract-api metadata of the built chaincode) has
 * exactly one table line of the same kind, and nothing else is in the table.
 */
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

function declared(contracts: (new () => { getName(): string })[]): Map<string, { kind: 'submit' | 'evaluate'; params: number }> {
  const out = new Map<string, { kind: 'submit' | 'evaluate'; params: number }>();
  for (const C of contracts) {
    const name = new C().getName();
    const txs = (metadata.getMetadata('fabric:transactions', C.prototype) ?? []) as TxMeta[];
    for (const t of txs) out.set(`${name}:${t.name}`, { kind: t.tag.includes('SUBMIT') ? 'submit' : 'evaluate', params: t.parameters?.length ?? 0 });
  }
  return out;
}

describe('chaincode route tables', () => {
  const chaincodes: Record<string, () => (new () => { getName(): string })[]> = {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: fabric-contract-api registers metadata on load
    energy: () => require('@dec/chaincode-energy').contracts,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    scf: () => require('@dec/chaincode-scf').contracts,
  };

  for (const table of CHAINCODE_TABLES) {
    describe(`${table.chaincode} on ${table.channel}`, () => {
      it('has one line per chaincode transaction, of the same kind and arity', () => {
        const meta = declared(chaincodes[table.chaincode]!());
        const lines = new Map(table.transactions.map((t) => [t.name, t]));
        expect(lines.size, 'duplicate table lines').to.equal(table.transactions.length);
        const missing = [...meta.keys()].filter((n) => !lines.has(n));
        const extra = [...lines.keys()].filter((n) => !meta.has(n));
        expect(missing, `transactions without a table line in gateway-api/src/chaincode/${table.chaincode}-table.ts`).to.deep.equal([]);
        expect(extra, 'table lines without a chaincode transaction').to.deep.equal([]);
        for (const [name, m] of meta) {
          const line = lines.get(name)!;
          expect(line.kind, name).to.equal(m.kind);
          expect(line.input !== undefined, `${name} takes ${m.params} argument(s)`).to.equal(m.params > 0);
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
