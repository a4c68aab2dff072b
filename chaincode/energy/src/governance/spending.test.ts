/**
 * Spending approvals (white paper 8.5, 8.6.4) on the in-memory ledger: the
 * operator alone up to 1,000,000 DECC of value per spend, the secretary general
 * and the finance director above it, the committee above 5,000,000 DECC and
 * for any investment; each approval matched exactly and used once, and every
 * refusal changing nothing.
 */
import { expect } from 'chai';
import { committeeCallers as cc, dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import type { Spend } from './spending-state';
import type { Committee } from './state';

const DAY = 86_400_000;

describe('governance: spending approvals (8.5, 8.6.4)', () => {
  let w: EnergyWorld;
  let gov: { sg: string; b: string; c: string };
  const fd = user('finance-director');
  let FD: string;
  let A: string;

  beforeEach(async () => {
    w = new EnergyWorld();
    await w.genesis();
    gov = await w.committee();
    FD = await w.onboard(fd);
    A = await w.onboard(user('payee'));
  });

  async function refused(contract: 'token' | 'governance', tx: string, caller: Parameters<EnergyWorld['tx']>[2], input: unknown, message: RegExp): Promise<void> {
    const before = w.stateFingerprint();
    expect((await w.fails(contract, tx, caller, input)).message).to.match(message);
    expect(w.stateFingerprint(), `${tx} wrote state`).to.equal(before);
  }
  const release = (batchId: string, whole: number | bigint, extra: Record<string, unknown> = {}) => ({ pool: 'others', batchId, payouts: [{ to: A, amount: dec(whole) }], ...extra });
  async function appointFd(): Promise<void> {
    const decisionId = await w.decide({ kind: 'AppointFinanceDirector', eid: FD } as never);
    await w.call('governance', 'AppointFinanceDirector', user('anyone'), { decisionId });
  }
  async function approved(whole: number, extra: Record<string, unknown> = {}): Promise<string> {
    const s = await w.call<Spend>('governance', 'RequestSpend', operator, { op: 'ReleaseBatch', source: 'sys:others', asset: 'DEC', amount: dec(whole), ...extra });
    await w.call('governance', 'ApproveSpend', cc.sg, { spendId: s.spendId, approver: gov.sg });
    await w.call('governance', 'ApproveSpend', fd, { spendId: s.spendId, approver: FD });
    return s.spendId;
  }

  it('the operator alone: up to 1,000,000 DECC of value per spend (DEC at 1 DECC before a rate is posted)', async () => {
    await w.call('token', 'ReleaseBatch', operator, release('a1', 1_000_000));
    await refused('token', 'ReleaseBatch', operator, release('a2', 1_000_001), /^VALIDATION: request\.approvalId: is required/);
    await w.expectInvariants();
  });

  it('DEC is valued at the posted rate: at 2 DECC per DEC, 500,001 DEC needs the officers', async () => {
    await w.postRate('2');
    await refused('token', 'ReleaseBatch', operator, release('r1', 500_001), /^VALIDATION: request\.approvalId: is required/);
    await w.call('token', 'ReleaseBatch', operator, release('r2', 500_000));
  });

  it('above 1,000,000 DECC: the secretary general AND the finance director, matched exactly, used once', async () => {
    await refused('token', 'ReleaseBatch', operator, release('o1', 1_000_001), /^VALIDATION: request\.approvalId: is required/);
    const s = await w.call<Spend>('governance', 'RequestSpend', operator, { op: 'ReleaseBatch', source: 'sys:others', asset: 'DEC', amount: dec(1_000_001) });
    expect(s).to.include({ status: 'requested', purpose: 'spending', term: 1 });
    await refused('governance', 'RequestSpend', cc.sg, { op: 'ReleaseBatch', source: 'sys:others', asset: 'DEC', amount: '1' }, /^ACCESS_DENIED/);
    await w.call('governance', 'ApproveSpend', cc.sg, { spendId: s.spendId, approver: gov.sg });
    await refused('governance', 'ApproveSpend', cc.sg, { spendId: s.spendId, approver: gov.sg }, /^CONFLICT: request\.approver: the secretaryGeneral has already approved/);
    await refused('token', 'ReleaseBatch', operator, release('o2', 1_000_001, { approvalId: s.spendId }), /^RULE_VIOLATION: spend-approved: .* has secretaryGeneral; the secretary general and the finance director must both approve/);
    // a core member who is not an officer, the finance director before the appointment, someone else's eID: refused
    await refused('governance', 'ApproveSpend', cc.b, { spendId: s.spendId, approver: gov.b }, /^ACCESS_DENIED: request\.approver .* is neither the secretary general nor the finance director/);
    await refused('governance', 'ApproveSpend', fd, { spendId: s.spendId, approver: FD }, /^ACCESS_DENIED: request\.approver/);
    await refused('governance', 'ApproveSpend', cc.b, { spendId: s.spendId, approver: FD }, /^ACCESS_DENIED/);
    await appointFd();
    await w.call('governance', 'ApproveSpend', fd, { spendId: s.spendId, approver: FD });
    expect(await w.call<Spend>('governance', 'GetSpend', user('anyone'), { spendId: s.spendId })).to.include({ status: 'approved' });
    await refused('token', 'ReleaseBatch', operator, release('o3', 1_000_000, { approvalId: s.spendId }), /^VALIDATION: request\.amount: does not match the approval/);
    await refused('token', 'FundRewardPool', operator, { from: 'sys:others', decAmount: dec(1_000_001), approvalId: s.spendId }, /^VALIDATION: request\.op: does not match the approval/);
    await w.call('token', 'ReleaseBatch', operator, release('o4', 1_000_001, { approvalId: s.spendId }));
    expect(await w.balance(A, 'DEC')).to.equal(BigInt(dec(1_000_001)));
    await refused('token', 'ReleaseBatch', operator, release('o5', 1_000_001, { approvalId: s.spendId }), /^CONFLICT: spend approval .* has already been used/);
    await refused('governance', 'ApproveSpend', fd, { spendId: s.spendId, approver: FD }, /^CONFLICT: spend .* has already been used/);
    await w.expectInvariants();
  });

  it('an approval expires unused after 90 days', async () => {
    await appointFd();
    const spendId = await approved(2_000_000);
    w.h.advance(90 * DAY);
    await refused('token', 'ReleaseBatch', operator, release('x1', 2_000_000, { approvalId: spendId }), /^RULE_VIOLATION: spend-expired/);
  });

  it('above 5,000,000 DECC the officers are not enough: a passed Spend decision, matched and applied once', async () => {
    await appointFd();
    const spendId = await approved(5_000_001);
    await refused('token', 'ReleaseBatch', operator, release('c1', 5_000_001, { approvalId: spendId }), /^VALIDATION: request\.decisionId: is required: .* committee decision/);
    const decisionId = await w.decide({ kind: 'Spend', op: 'ReleaseBatch', source: 'sys:others', asset: 'DEC', amount: dec(5_000_001) } as never);
    await refused('token', 'ReleaseBatch', operator, release('c2', 5_000_001, { decisionId, approvalId: spendId }), /^VALIDATION: request\.approvalId: name either/);
    await refused('token', 'ReleaseBatch', operator, release('c3', 5_000_002, { decisionId }), /^VALIDATION: request\.amount: does not match the decision/);
    await w.call('token', 'ReleaseBatch', operator, release('c4', 5_000_001, { decisionId }));
    await refused('token', 'ReleaseBatch', operator, release('c5', 5_000_001, { decisionId }), /^CONFLICT: decision .* has already been applied/);
    await w.expectInvariants();
  });

  it('any investment needs the committee, whatever its value (8.5)', async () => {
    await refused('token', 'ReleaseBatch', operator, release('i1', 1, { purpose: 'investment' }), /^VALIDATION: request\.decisionId: is required/);
    const spending = await w.decide({ kind: 'Spend', op: 'ReleaseBatch', source: 'sys:others', asset: 'DEC', amount: dec(1) } as never);
    await refused('token', 'ReleaseBatch', operator, release('i2', 1, { purpose: 'investment', decisionId: spending }), /^VALIDATION: request\.purpose: does not match the decision: approved spending, requested investment/);
    const invest = await w.decide({ kind: 'Spend', op: 'ReleaseBatch', source: 'sys:others', asset: 'DEC', amount: dec(1), purpose: 'investment' } as never);
    await w.call('token', 'ReleaseBatch', operator, release('i3', 1, { purpose: 'investment', decisionId: invest }));
  });

  it('the reward pool, the fee account and funding from the ecology pool are spends too', async () => {
    await w.postRate('1');
    await w.call('token', 'FundRewardPool', operator, { from: 'sys:others', decAmount: dec(1_000_000) });
    await refused('token', 'FundRewardPool', operator, { from: 'sys:others', decAmount: dec(1_000_001) }, /^VALIDATION: request\.approvalId: is required/);
    await refused('token', 'PayRewards', operator, { payouts: [{ to: A, amount: '100000001' }] }, /^VALIDATION: request\.approvalId: is required/);
    await w.call('token', 'PayRewards', operator, { payouts: [{ to: A, amount: '100000000' }] });
    // the ecology pool funds the reward pool only within the committee's yearly plan
    await refused('token', 'FundRewardPool', operator, { from: 'sys:ecology', decAmount: dec(1) }, /^VALIDATION: request\.decisionId: is required: releases from the ecology pool/);
    const plan = await w.decide({ kind: 'EcologyPlan', year: 2026, amount: dec(10) });
    await w.call('token', 'FundRewardPool', operator, { from: 'sys:ecology', decAmount: dec(10), decisionId: plan });
    expect(await w.call('governance', 'GetDecision', user('anyone'), { decisionId: plan })).to.include({ status: 'applied', released: dec(10) });
    // a participant's transfer names no approval
    await refused('token', 'Transfer', user('payee'), { from: A, to: FD, asset: 'DECC', amount: '1', approvalId: `spend:${'0'.repeat(32)}` }, /^VALIDATION: request\.approvalId: only a spend from sys:fees/);
    await w.expectInvariants();
  });

  it('the finance director: appointed by a committee decision, never the secretary general, kept across an election unless elected secretary general', async () => {
    const bad = await w.decide({ kind: 'AppointFinanceDirector', eid: gov.sg } as never);
    await refused('governance', 'AppointFinanceDirector', user('anyone'), { decisionId: bad }, /^RULE_VIOLATION: distinct-officers/);
    await appointFd();
    const { committee } = await w.call<{ committee: Committee }>('governance', 'GetCommittee', user('anyone'));
    expect(committee.financeDirector).to.equal(FD);
  });
});
