/**
 * Issue 13, item 5: every range read a write path makes must be bounded, or
 * limited to keys only the caller (or a frozen step) can add. This test scans
 * the sources of both chaincodes (energy with all its domains, and scf) for
 * the ledger calls that read a range without a limit (`Ledger.list`, a
 * `readRange` with an unlimited count, or the shim's range, partial-key and
 * rich queries directly), finds the store method each is in, and checks that
 * every place calling that method is one reviewed below, with the reason it
 * is safe. A new unbounded read, or a new caller of one, fails here until it
 * is bounded (ordered keys + `Ledger.readRange` with a limit) or reviewed.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOTS = [path.join(__dirname), path.join(__dirname, '..', '..', 'scf', 'src')];

/** Unbounded store method -> the files allowed to call it, each with why it is safe there. */
const REVIEWED: Record<string, Record<string, string>> = {
  'token/store.ts#issued': { 'token/ops/queries.ts': 'query (evaluate only)' },
  'token/store.ts#snapshot': { 'token/ops/queries.ts': 'token:Audit, evaluate only' },
  'token/credit-book.ts#all': { 'token/store.ts': 'only from snapshot() (audit query)', 'token/ops/queries.ts': 'query (evaluate only)' },
  'market/store.ts#zones': { 'market/ops/queries.ts': 'query (evaluate only)' },
  'market/store.ts#ordersOf': {
    'market/ops/matching.ts': 'the slot+zone book is frozen: nothing is posted after the gate (PostOrder refuses), and the first Match page writes market.book which every order mutation reads',
    'market/ops/settlement.ts': 'the same frozen book, read after matching',
    'market/contract.ts': 'market:OrdersOf calls queries.ordersOf (a query of the same name, evaluate only)',
    'maintenance/contract.ts': 'maintenance:OrdersOf calls its own ops.ordersOf (a paged query of the same name, evaluate only)',
    'maintenance/ops.ts': 'calls MaintenanceStore.ordersOf, a paged query of the same name (pageSize + bookmark)',
  },
  'market/store.ts#orderRefsOf': { 'market/ops/leave.ts': "the participant's own orders: only it posts them", 'market/ops/queries.ts': 'query (evaluate only)' },
  'market/store.ts#tradesOfBuyOrder': { 'market/ops/settlement.ts': 'trades of one buy order, written only by Match of the frozen book', 'market/ops/queries.ts': 'query (evaluate only)' },
  'market/store.ts#tradesOf': { 'market/ops/queries.ts': 'query (evaluate only)', 'market/contract.ts': 'market:TradesOf calls queries.tradesOf (evaluate only)' },
  'market/store.ts#ppaIdsOf': { 'market/ops/leave.ts': "PPAs the participant proposed or accepted: a stranger's proposal is not indexed under it (ppa-acceptance-spam.test.ts)" },
  'market/store.ts#offers': {
    'market/ops/emergencies.ts': 'one offer per storage owner per emergency (OfferEmergency refuses a second), so at most the KYC-approved storage owners',
    'market/ops/queries.ts': 'query (evaluate only)',
  },
  'receivables/store.ts#tree': { 'receivables/operations.ts': 'receivables:Tree, evaluate only', 'receivables/contract.ts': 'receivables:Tree calls ops.tree (evaluate only)' },
  'rules/store.ts#alerts': { 'rules/operations.ts': 'rules:Alerts, evaluate only' },
};

const UNBOUNDED = [/\.list\(/, /readRange\([^)]*MAX_SAFE_INTEGER/, /getStateByRange\(/, /getStateByPartialCompositeKey\(/, /getQueryResult\(/, /getPrivateDataByRange\(/, /getPrivateDataByPartialCompositeKey\(/, /getPrivateDataQueryResult\(/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'test-support' ? [] : sources(file);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [file] : [];
  });
}

/** `domain/file.ts` relative to its chaincode's src/. */
const rel = (file: string): string => path.relative(ROOTS.find((r) => file.startsWith(r)) ?? '', file).split(path.sep).join('/');

/** `file#method` of every method whose body makes an unbounded range read. */
function unboundedMethods(files: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!UNBOUNDED.some((re) => re.test(line))) return;
      for (let j = i; j >= 0; j--) {
        const m = /^\s{2}(?:(?:private|public|static)\s+)*async\s+(\w+)\s*[(<]|^\s{2}(?:(?:private|public)\s+)*(\w+)\s*\(.*\)\s*(?::[^{]*)?\{\s*$/.exec(lines[j] ?? '');
        if (m) {
          found.add(`${rel(file)}#${m[1] ?? m[2]}`);
          return;
        }
      }
      found.add(`${rel(file)}#<top level, line ${i + 1}>`);
    });
  }
  return [...found].sort();
}

describe('range reads in write paths are bounded (issue 13, item 5: both chaincodes)', () => {
  const files = ROOTS.flatMap(sources);

  it('every method with an unbounded range read is reviewed', () => {
    const methods = unboundedMethods(files);
    expect(methods.length).to.be.greaterThan(5); // the scan finds them at all
    expect(methods.filter((m) => !(m in REVIEWED)), 'unreviewed unbounded reads: bound them (ordered keys + Ledger.readRange with a limit) or review them here').to.deep.equal([]);
  });

  it('every caller of such a method is a reviewed one (queries, frozen books, the caller\'s own records)', () => {
    const unexpected: string[] = [];
    for (const [method, callers] of Object.entries(REVIEWED)) {
      const [home = '', name = ''] = method.split('#');
      const call = new RegExp(`(?<!Promise)\\.${name}\\(`);
      for (const file of files) {
        const r = rel(file);
        if (r === home) continue;
        if (readFileSync(file, 'utf8').split('\n').some((l) => call.test(l) && !/ledger\.|stub\./.test(l)) && !(r in callers)) unexpected.push(`${r} calls ${method}`);
      }
    }
    expect(unexpected).to.deep.equal([]);
  });
});
