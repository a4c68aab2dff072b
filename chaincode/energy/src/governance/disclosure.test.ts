import { expect } from 'chai';
import { EnergyWorld, operator, user } from '../test-support/energy-world';
import type { Disclosure } from './disclosure';

const DAY = 86_400_000;
const HASH = 'b'.repeat(64);

describe('governance: disclosure (8.7)', () => {
  let w: EnergyWorld;
  beforeEach(async () => {
    w = new EnergyWorld(); // the harness starts at 2026-01-01T00:00:00Z
    await w.genesis();
  });

  async function refused(caller: Parameters<EnergyWorld['tx']>[2], input: unknown, message: RegExp): Promise<void> {
    const before = w.stateFingerprint();
    expect((await w.fails('governance', 'PublishDisclosure', caller, input)).message).to.match(message);
    expect(w.stateFingerprint()).to.equal(before);
  }
  const publish = (kind: string, period: string) => w.call<Disclosure>('governance', 'PublishDisclosure', operator, { kind, period, documentHash: HASH, title: `${kind} ${period}` });

  it('publishes a report with the on-chain figures computed at publication', async () => {
    const r = await publish('annual', '2025');
    expect(r).to.include({ disclosureId: 'disclosure:annual:2025', periodEnd: '2026-01-01T00:00:00.000Z', dueBy: '2026-05-01T00:00:00.000Z', late: false });
    expect(r.summary).to.include({ decTotalSupply: (319_000_000n * 10n ** 18n).toString(), circulatingDec: '0', complete: true });
    const pools = r.summary.pools;
    expect(BigInt(pools.ecology) + BigInt(pools.team) + BigInt(pools.others)).to.equal(319_000_000n * 10n ** 18n);
    expect((await w.call<Disclosure>('governance', 'GetDisclosure', user('anyone'), { disclosureId: r.disclosureId })).documentHash).to.equal(HASH);
  });

  it('refuses a period not yet ended, a malformed period, a second report of a period, and anyone but the operator', async () => {
    await refused(operator, { kind: 'quarterly', period: '2026-Q1', documentHash: HASH, title: 't' }, /^RULE_VIOLATION: period-not-ended: request\.period ends at 2026-04-01/);
    await refused(operator, { kind: 'quarterly', period: '2025-Q5', documentHash: HASH, title: 't' }, /^VALIDATION: request\.period: must be YYYY-Qn/);
    await refused(operator, { kind: 'interim', period: '2025-H2', documentHash: HASH, title: 't' }, /^VALIDATION: request\.period: must be YYYY-H1/);
    await refused(user('someone'), { kind: 'annual', period: '2025', documentHash: HASH, title: 't' }, /^ACCESS_DENIED/);
    await publish('quarterly', '2025-Q4');
    await refused(operator, { kind: 'quarterly', period: '2025-Q4', documentHash: HASH, title: 't' }, /^CONFLICT: request\.period: the quarterly report of 2025-Q4 is already published/);
  });

  it('flags late reports: a quarterly report is due 30 days after the quarter, a temporary one 2 days after the event', async () => {
    w.h.advance(30 * DAY);
    expect((await publish('quarterly', '2025-Q4')).late).to.equal(false); // exactly at the due time
    w.h.advance(1);
    expect((await publish('quarterly', '2025-Q3')).late).to.equal(true);
    const t = await publish('temporary', '2026-01-29T00:00:00Z');
    expect(t).to.include({ late: true, dueBy: '2026-01-31T00:00:00.000Z' });
    expect((await publish('temporary', '2026-01-30T12:00:00Z')).late).to.equal(false);
    const all = await w.call<{ items: Disclosure[] }>('governance', 'ListDisclosures', user('anyone'), {});
    expect(all.items).to.have.length(4);
  });
});
