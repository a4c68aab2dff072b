/**
 * Test support (not loaded by the chaincode): an in-memory energy world with
 * both contracts, named callers, onboarding and funding shortcuts, and the
 * audit that scenario tests assert after each step.
 */
import { createHash } from 'node:crypto';
import { type TestCaller, TestHarness, type TxOutcome, failure } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { GovernanceContract } from '../governance/contract';
import type { Effect } from '../governance/inputs';
import { IdentityContract } from '../identity/contract';
import type { Participant, Role } from '../identity/state';
import type { AuditReport } from '../token/audit';
import { TokenContract } from '../token/contract';
import { ONE_DEC } from '../token/units';

export const operator: TestCaller = { mspId: 'PlatformMSP', name: 'operator', attributes: { role: 'operator' } };
/** A PlatformMSP identity without role=operator. */
export const platformClerk: TestCaller = { mspId: 'PlatformMSP', name: 'clerk', attributes: { role: 'clerk' } };
export const regulator: TestCaller = { mspId: 'RegulatorMSP', name: 'auditor' };
export const gridOperator: TestCaller = { mspId: 'GridMSP', name: 'grid-op', attributes: { role: 'operator' } };

export function user(name: string, mspId = 'SupplierMSP'): TestCaller {
  return { mspId, name, attributes: { role: 'client' } };
}

export const kycHash = (name: string): string => createHash('sha256').update(`kyc:${name}`).digest('hex');
export const dec = (whole: number | bigint): string => (BigInt(whole) * ONE_DEC).toString();

type ContractName = 'identity' | 'token' | 'governance';

/** The bootstrap committee of the test world: three core members, `sg` the secretary general (two votes). */
export const committeeCallers = { sg: user('gov-sg', 'BankMSP'), b: user('gov-b', 'LessorMSP'), c: user('gov-c', 'GridMSP') } as const;

export class EnergyWorld {
  readonly h = new TestHarness();
  readonly identity = new IdentityContract();
  readonly token = new TokenContract();
  readonly governance = new GovernanceContract();
  /** eIDs of the committee, once seated by `committee()`. */
  committeeEids: { sg: string; b: string; c: string } | undefined;

  contract(name: ContractName): IdentityContract | TokenContract | GovernanceContract {
    return name === 'identity' ? this.identity : name === 'token' ? this.token : this.governance;
  }

  /** Invokes `contract:method` with one JSON argument (omitted when `input` is undefined). */
  async tx(name: ContractName, method: string, caller: TestCaller, input?: unknown): Promise<TxOutcome> {
    return this.h.invoke(this.contract(name), method, caller, input === undefined ? [] : [JSON.stringify(input)]);
  }

  async call<T = Record<string, unknown>>(name: ContractName, method: string, caller: TestCaller, input?: unknown): Promise<T> {
    return (await this.tx(name, method, caller, input)).result as T;
  }

  /** The error a transaction throws (fails the test if it succeeds). */
  async fails(name: ContractName, method: string, caller: TestCaller, input?: unknown): Promise<Error> {
    return failure(this.tx(name, method, caller, input), `${name}:${method}`);
  }

  /** Register + approve; returns the eID. */
  async onboard(caller: TestCaller, roles: Role[] = ['producer', 'consumer']): Promise<string> {
    const p = await this.call<Participant>('identity', 'Register', caller, { kycHash: kycHash(caller.name), roles });
    await this.call('identity', 'Approve', operator, { eid: p.eid });
    return p.eid;
  }

  /** Seats the bootstrap committee (once per world) and returns its eIDs. */
  async committee(): Promise<{ sg: string; b: string; c: string }> {
    if (this.committeeEids) return this.committeeEids;
    const eids = { sg: await this.onboard(committeeCallers.sg, ['funder']), b: await this.onboard(committeeCallers.b, ['funder']), c: await this.onboard(committeeCallers.c, ['funder']) };
    await this.call('governance', 'BootstrapCommittee', operator, { members: [eids.sg, eids.b, eids.c], secretaryGeneral: eids.sg });
    this.committeeEids = eids;
    return eids;
  }

  /** A passed committee decision with `effect` (the secretary general's two votes and one more of four); returns its ID. */
  async decide(effect: Effect, title = `decide ${effect.kind}`): Promise<string> {
    const eids = await this.committee();
    const d = await this.call<{ decisionId: string }>('governance', 'ProposeDecision', committeeCallers.sg, { proposer: eids.sg, title, effect });
    await this.call('governance', 'VoteDecision', committeeCallers.sg, { decisionId: d.decisionId, member: eids.sg, approve: true });
    await this.call('governance', 'VoteDecision', committeeCallers.b, { decisionId: d.decisionId, member: eids.b, approve: true });
    return d.decisionId;
  }

  /** token:PostRate by the operator under a decision the committee passes first. */
  async postRate(deccPerDec: string): Promise<void> {
    const decisionId = await this.decide({ kind: 'PostRate', deccPerDec });
    await this.call('token', 'PostRate', operator, { deccPerDec, decisionId });
  }

  /** token:SetFees by the operator under a decision the committee passes first. */
  async setFees(fees: Omit<Extract<Effect, { kind: 'SetFees' }>, 'kind'>): Promise<void> {
    const decisionId = await this.decide({ kind: 'SetFees', ...fees });
    await this.call('token', 'SetFees', operator, { ...fees, decisionId });
  }

  async genesis(): Promise<void> {
    await this.call('token', 'Genesis', operator, {});
  }

  /** Gives a participant DEC out of the "others" pool. */
  async fundDec(eid: string, wholeDec: number, batchId = `fund-${eid.slice(-8)}-${this.h.world.state.size}`): Promise<void> {
    await this.call('token', 'ReleaseBatch', operator, { pool: 'others', batchId, payouts: [{ to: eid, amount: dec(wholeDec) }] });
  }

  async balance(account: string, asset: 'DEC' | 'DECC'): Promise<bigint> {
    const r = await this.call<{ balance: string }>('token', 'Balance', operator, { account, asset });
    return BigInt(r.balance);
  }

  async audit(): Promise<AuditReport> {
    return this.call<AuditReport>('token', 'Audit', regulator);
  }

  async expectInvariants(): Promise<void> {
    const report = await this.audit();
    expect(report.ok, JSON.stringify(report.checks.filter((c) => !c.ok))).to.equal(true);
  }

  /** Snapshot of state bytes, to show that a failed transaction wrote nothing. */
  stateFingerprint(): string {
    const keys = [...this.h.world.state.keys()].sort();
    const hash = createHash('sha256');
    for (const k of keys) hash.update(k).update(this.h.world.state.get(k) ?? new Uint8Array());
    return `${keys.length}:${hash.digest('hex')}`;
  }
}
