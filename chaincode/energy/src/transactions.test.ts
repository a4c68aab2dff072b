/**
 * The transaction map is the one source: the contracts register exactly its
 * lines (a decorated method missing from the map, or a line without a method,
 * fails here), the README tables are generated from it, and loading it does
 * not load the chaincode runtime (clients import it).
 */
import { NETWORK_TRANSACTIONS, transactionDrift } from '@dec/chaincode-kit';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contracts } from './index';
import { README_FILE, withGeneratedTables } from './test-support/readme';
import { ENERGY_TRANSACTIONS } from './transactions';

describe('energy transaction map', () => {
  it('is what the contracts register, transaction for transaction, of the same kind', () => {
    const drift = transactionDrift(contracts.map((C) => new C()), ENERGY_TRANSACTIONS, NETWORK_TRANSACTIONS);
    expect(drift).to.deep.equal({ missing: [], unregistered: [], wrongKind: [] });
  });

  it('generates the README transaction tables (run `npm run -w chaincode/energy readme` after changing the map)', () => {
    const committed = readFileSync(README_FILE, 'utf8');
    expect(committed === withGeneratedTables(committed), 'chaincode/energy/README.md is stale: `npx tsc -b chaincode/energy && npm run -w chaincode/energy readme`').to.equal(true);
  });

  it('names in each `lane` a field of the submit\'s input that holds the debited account', () => {
    const lanes = Object.entries(ENERGY_TRANSACTIONS.transactions).flatMap(([name, spec]) => ('lane' in spec ? [{ name, spec }] : []));
    expect(lanes.map((l) => l.name)).to.include.members(['token:Transfer', 'token:CreateHold', 'token:MintDecc']);
    for (const { name, spec } of lanes) {
      expect(spec.kind, name).to.equal('submit');
      const shape = (spec.input as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      expect(Object.keys(shape), name).to.include(spec.lane);
    }
  });

  it('loads without fabric-contract-api or fabric-shim', function () {
    this.timeout(30_000);
    const probe = "require('./src/transactions'); const loaded = Object.keys(require.cache); console.log(JSON.stringify(loaded.filter((f) => /fabric-(contract-api|shim)/.test(f))));";
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', probe], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    expect(JSON.parse(out)).to.deep.equal([]);
  });
});
