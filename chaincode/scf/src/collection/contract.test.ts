import { expect } from 'chai';
import { Scf, who } from '../test-support/fixtures';

/** The energy channel as this peer's energy chaincode answers `market:GetAssignment` (the e2e suite runs the real one). */
class EnergyLedger {
  readonly assignments = new Map<string, Record<string, unknown>>();
  /** Participant eID -> the org holding it. */
  readonly holders = new Map<string, string>([['P-2', 'LessorMSP'], ['P-3', 'BankMSP']]);

  put(id: string, paid: bigint, ref = 'L1', cap = 10n ** 12n, beneficiary = 'P-2'): void {
    this.assignments.set(id, { id, meter: 'MTR-1', assignor: 'P-1', beneficiary, cap: cap.toString(), paid: paid.toString(), ref, status: 'active', createdAt: 'x', createdTxId: 'y' });
  }

  answer(args: string[]): Promise<{ status: number; message: string; payload: Uint8Array }> {
    const { assignmentId, eid } = JSON.parse(args[1] ?? '{}') as { assignmentId?: string; eid?: string };
    const holder = eid === undefined ? undefined : this.holders.get(eid);
    const participant = holder && eid ? { eid, mspId: holder, status: 'active', kycHash: 'k' } : undefined;
    const found = args[0] === 'market:GetAssignment' && assignmentId ? this.assignments.get(assignmentId) : args[0] === 'identity:Get' ? participant : undefined;
    if (!found) return Promise.resolve({ status: 500, message: `NOT_FOUND: ${args[1] ?? ''} does not exist`, payload: new Uint8Array() });
    return Promise.resolve({ status: 200, message: '', payload: Buffer.from(JSON.stringify(found)) });
  }
}

/** The domain events of a transaction (several arrive as one `Batch` chaincode event). */
function domainEvents(events: { name: string; payload: unknown }[]): { name: string; payload: Record<string, unknown> }[] {
  return events.flatMap((e) => (e.name === 'Batch' ? (e.payload as { events: { name: string; payload: Record<string, unknown> }[] }).events : [e as { name: string; payload: Record<string, unknown> }]));
}

const A = `asg:${'a'.repeat(32)}`;
const B = `asg:${'b'.repeat(32)}`;

async function world(): Promise<{ s: Scf; energy: EnergyLedger; rents: bigint[] }> {
  const s = new Scf();
  const energy = new EnergyLedger();
  s.h.world.linkedChaincodes.set('energy/energy', (args) => energy.answer(args));
  const lease = await s.approvedLease('L1', '1200000');
  const rents = (lease.schedule as { rent: string }[]).map((r) => BigInt(r.rent));
  return { s, energy, rents };
}

interface View {
  lease: { collected: string; status: string; remaining: string };
  link: { synced: string; applied: string; surplus: string; syncs: number } | null;
  arrears: { overdue: string; overdueInstalments: number; status: string; daysLate: number };
}

describe('scf collection: energy income recorded as rent', () => {
  it('links a lease only to an energy assignment whose ref names it, once', async () => {
    const { s, energy } = await world();
    energy.put(A, 0n, 'OTHER');
    energy.put(B, 0n, 'L1');
    const toBank = `asg:${'d'.repeat(32)}`;
    energy.put(toBank, 0n, 'L1', 10n ** 12n, 'P-3');
    const before = s.snapshot();
    expect((await s.error('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: toBank })).message).to.match(/^CONFLICT: .* pays P-3, an account of BankMSP, not of the lessor LessorMSP/);
    expect((await s.error('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: A })).message).to.match(/^CONFLICT: energy assignment asg:a+ is bound to OTHER/);
    expect((await s.error('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: `asg:${'c'.repeat(32)}` })).message).to.match(/^NOT_FOUND: energy assignment/);
    expect((await s.error('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: 'asg:zz' })).message).to.match(/^VALIDATION: input.assignmentId/);
    expect((await s.error('collection:Link', who.bank, { leaseId: 'L1', assignmentId: B })).message).to.match(/^ACCESS_DENIED/);
    expect(s.snapshot()).to.equal(before);
    const linked = await s.call('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: B });
    expect(domainEvents(linked.events)[0]).to.deep.include({ name: 'CollectionLinked' });
    expect((await s.error('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: B })).message).to.match(/^CONFLICT: lease L1 is already linked/);
  });

  it('records income up to what the energy ledger shows, oldest instalment first, exactly once', async () => {
    const { s, energy, rents } = await world();
    energy.put(A, 0n);
    await s.call('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: A });
    const paid = rents[0]! + 1000n;
    energy.put(A, paid);
    const out = await s.call('collection:Sync', who.bank, { assignmentId: A, paid: paid.toString() });
    const events = domainEvents(out.events);
    expect(events.filter((e) => e.name === 'RentCollected').map((e) => e.payload.amount)).to.deep.equal([rents[0]!.toString(), '1000']);
    expect(events.find((e) => e.name === 'IncomeCollected')?.payload).to.include({ amount: paid.toString(), applied: paid.toString(), surplus: '0' });
    const lease = await s.result<{ schedule: { collected: string }[]; collected: string }>('leasing:Get', who.regulator, { leaseId: 'L1' });
    expect(lease.schedule.slice(0, 3).map((r) => r.collected)).to.deep.equal([rents[0]!.toString(), '1000', '0']);
    expect(lease.collected).to.equal(paid.toString());

    // The same figure again (a relay replaying after a crash), or an older one: nothing changes.
    const after = s.snapshot();
    expect((await s.error('collection:Sync', who.lessor, { assignmentId: A, paid: paid.toString() })).message).to.match(/^CONFLICT: .* already recorded/);
    expect((await s.error('collection:Sync', who.lessor, { assignmentId: A, paid: '5' })).message).to.match(/^CONFLICT: .* already recorded/);
    expect(s.snapshot()).to.equal(after);
  });

  it('refuses income the energy ledger does not show, and callers who may not relay', async () => {
    const { s, energy } = await world();
    energy.put(A, 500n);
    await s.call('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: A });
    const before = s.snapshot();
    expect((await s.error('collection:Sync', who.lessor, { assignmentId: A, paid: '501' })).message).to.match(/^CONFLICT: income not on the energy ledger: assignment asg:a+ has paid 500, the claim is 501/);
    expect((await s.error('collection:Sync', who.lessor, { assignmentId: B, paid: '1' })).message).to.match(/^NOT_FOUND: lease linked to energy assignment/);
    expect((await s.error('collection:Sync', who.supplier, { assignmentId: A, paid: '500' })).message).to.match(/^ACCESS_DENIED/);
    expect((await s.error('collection:Sync', who.lessor, { assignmentId: A, paid: '-1' })).message).to.match(/^VALIDATION: input.paid/);
    expect(s.snapshot()).to.equal(before);
    // A relay that lags behind records less now; the rest follows with the next figure.
    expect((await s.result<{ link: { synced: string } }>('collection:Sync', who.lessor, { assignmentId: A, paid: '200' })).link.synced).to.equal('200');
    expect((await s.result<{ link: { synced: string } }>('collection:Sync', who.lessor, { assignmentId: A, paid: '500' })).link.synced).to.equal('500');
  });

  it('keeps income above the remaining rent as surplus and completes the lease', async () => {
    const { s, energy, rents } = await world();
    const total = rents.reduce((a, b) => a + b, 0n);
    energy.put(A, total + 77n);
    await s.call('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: A });
    const out = await s.result<{ link: { applied: string; surplus: string }; lease: { status: string; remaining: string } }>('collection:Sync', who.lessor, { assignmentId: A, paid: (total + 77n).toString() });
    expect(out.link).to.include({ applied: total.toString(), surplus: '77' });
    expect(out.lease).to.include({ status: 'completed', remaining: '0' });
  });

  it('shows arrears of an under-delivering station from the schedule and the time, with nobody typing them', async () => {
    const { s, energy, rents } = await world();
    energy.put(A, 0n);
    await s.call('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: A });
    s.advanceDays(40); // 2026-02-19: instalment 1 (due 2026-02-01) is 18 days overdue
    energy.put(A, 300n); // the station delivered little
    await s.call('collection:Sync', who.lessor, { assignmentId: A, paid: '300' });
    const view = await s.result<View>('collection:Get', who.regulator, { leaseId: 'L1' });
    expect(view.arrears).to.deep.include({ overdue: (rents[0]! - 300n).toString(), overdueInstalments: 1, status: 'late', daysLate: 18 });
    expect(view.lease.status).to.equal('late');
    expect(view.link).to.include({ synced: '300', syncs: 1 });
  });
});
