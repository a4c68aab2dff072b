/**
 * Test support (not loaded by the chaincode): the energy world with the
 * crowdfunding contract, a fundraiser with its deposit, funders with DEC, and
 * a plan builder. Shared by the crowdfunding unit tests.
 */
import { failure, type TestCaller } from '@dec/chaincode-kit/testing';
import { createHash } from 'node:crypto';
import { dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import { CrowdfundingContract } from './contract';
import type { Project } from './state';

export const DAY = 86_400_000;
export const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

export class CrowdfundingWorld extends EnergyWorld {
  readonly cf = new CrowdfundingContract();
  readonly fundraiser = user('fundraiser');
  fundraiserEid = '';

  async cfCall<T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown): Promise<T> {
    return (await this.h.invoke(this.cf, method, caller, [JSON.stringify(input)])).result as T;
  }

  async cfFails(method: string, caller: TestCaller, input: unknown): Promise<Error> {
    return failure(this.cfCall(method, caller, input), `crowdfunding:${method}`);
  }

  /** Genesis and a fundraiser with 1000 DEC of which `depositDec` locked as its deposit. */
  async setup(depositDec = 10): Promise<void> {
    await this.genesis();
    this.fundraiserEid = await this.onboard(this.fundraiser, ['fundraiser']);
    await this.fundDec(this.fundraiserEid, 1000);
    if (depositDec > 0) await this.call('token', 'LockDeposit', this.fundraiser, { account: this.fundraiserEid, amount: dec(depositDec) });
  }

  async funder(name: string, wholeDec = 1000): Promise<{ caller: TestCaller; eid: string }> {
    const caller = user(name, 'BankMSP');
    const eid = await this.onboard(caller, ['funder']);
    await this.fundDec(eid, wholeDec);
    return { caller, eid };
  }

  plan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      fundraiser: this.fundraiserEid,
      title: 'Rooftop PV, 100 kW',
      target: dec(1000),
      minSubscription: dec(10),
      maxSubscription: dec(600),
      deadline: new Date(this.h.nowMs + 10 * DAY).toISOString(),
      budget: [{ purpose: 'panels', amount: dec(700) }, { purpose: 'installation', amount: dec(300) }],
      dividend: { shareBps: 8000, periodMinutes: 30 * 1440 },
      documents: [hash('prospectus')],
      ...overrides,
    };
  }

  /** Submitted, audited and launched. */
  async openProject(overrides: Record<string, unknown> = {}): Promise<Project> {
    const p = await this.cfCall<Project>('SubmitPlan', this.fundraiser, this.plan(overrides));
    await this.cfCall('AuditPlan', operator, { projectId: p.id, approve: true });
    return this.cfCall<Project>('Launch', this.fundraiser, { projectId: p.id });
  }
}
