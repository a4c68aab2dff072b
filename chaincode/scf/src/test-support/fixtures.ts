/**
 * Test fixtures for the scf contract tests: one identity per role, and a
 * driver that calls `<contract>:<Transaction>` with a JSON input through the
 * kit's TestHarness. Test-only: nothing in the chaincode imports this.
 */
import { randomBytes } from 'node:crypto';
import { TestHarness, type TestCaller, type TxOutcome } from '@dec/chaincode-kit/testing';
import { describeKeyPolicy, type DecContract } from '@dec/chaincode-kit';
import { AuditContract } from '../audit/contract';
import { CollectionContract } from '../collection/contract';
import { CreditContract } from '../credit/contract';
import { FinancingContract } from '../financing/contract';
import { InsuranceContract } from '../insurance/contract';
import { LeasingContract } from '../leasing/contract';
import { OrdersContract } from '../orders/contract';
import { ReceivablesContract } from '../receivables/contract';
import { RulesContract } from '../rules/contract';
import type { RefusalResult } from '../rules/state';
import { WarehouseContract } from '../warehouse/contract';
import { TRANSIENT } from '../common/constants';
import { SCF_TRANSACTIONS } from '../transactions';

export const who = {
  projectCompany: { mspId: 'LessorMSP', name: 'pc', attributes: { role: 'project-company', eid: 'PC-1' } },
  lessor: { mspId: 'LessorMSP', name: 'officer', attributes: { role: 'lessor-officer' } },
  bank: { mspId: 'BankMSP', name: 'banker', attributes: { role: 'bank-officer' } },
  supplier: { mspId: 'SupplierMSP', name: 'sup', attributes: { role: 'supplier', eid: 'SUP-1' } },
  subSupplier: { mspId: 'SupplierMSP', name: 'sub', attributes: { role: 'supplier', eid: 'SUB-1' } },
  regulator: { mspId: 'RegulatorMSP', name: 'reg', attributes: { role: 'regulator' } },
  logistics: { mspId: 'LessorMSP', name: 'log', attributes: { role: 'logistics', eid: 'LOG-1' } },
  insurer: { mspId: 'BankMSP', name: 'ins', attributes: { role: 'insurer', eid: 'INS-1' } },
} satisfies Record<string, TestCaller>;

export const party = {
  projectCompany: 'LessorMSP:PC-1',
  lessor: 'LessorMSP',
  bank: 'BankMSP',
  supplier: 'SupplierMSP:SUP-1',
  subSupplier: 'SupplierMSP:SUB-1',
  logistics: 'LessorMSP:LOG-1',
  insurer: 'BankMSP:INS-1',
};

export const H = (c: string): string => c.repeat(64).slice(0, 64);
export const SALT = 'a1'.repeat(16);

export class Scf {
  readonly h = new TestHarness('2026-01-10T08:00:00.000Z');
  readonly contracts: Record<string, DecContract> = {
    leasing: new LeasingContract(),
    receivables: new ReceivablesContract(),
    financing: new FinancingContract(),
    orders: new OrdersContract(),
    warehouse: new WarehouseContract(),
    insurance: new InsuranceContract(),
    rules: new RulesContract(),
    audit: new AuditContract(),
    collection: new CollectionContract(),
    credit: new CreditContract(),
  };

  /**
   * Calls `contract:Tx` as `caller`; `input` is JSON-encoded unless it is already a string.
   * Transactions whose map line takes a transient `salt` get a fresh random one, as
   * a real client sends; pass `{ salt: undefined }` to leave it out.
   */
  async call(wire: string, caller: TestCaller, input?: unknown, transient: Record<string, unknown> = {}): Promise<TxOutcome> {
    const [name, tx] = wire.split(':') as [string, string];
    const contract = this.contracts[name];
    if (!contract) throw new Error(`no contract ${name}`);
    const args = input === undefined ? [] : [typeof input === 'string' ? input : JSON.stringify(input)];
    const line = (SCF_TRANSACTIONS.transactions as Record<string, { transient?: Record<string, unknown> }>)[wire];
    const withSalt = line?.transient?.[TRANSIENT.salt] && !(TRANSIENT.salt in transient) ? { ...transient, [TRANSIENT.salt]: randomBytes(16).toString('hex') } : transient;
    const sent = Object.fromEntries(Object.entries(withSalt).filter(([, v]) => v !== undefined));
    return this.h.invoke(contract, tx, caller, args, sent);
  }

  async result<T = Record<string, unknown>>(wire: string, caller: TestCaller, input?: unknown, transient: Record<string, unknown> = {}): Promise<T> {
    return (await this.call(wire, caller, input, transient)).result as T;
  }

  /** The error a call fails with (fails the test if it succeeds). */
  async error(wire: string, caller: TestCaller, input?: unknown, transient: Record<string, unknown> = {}): Promise<Error> {
    try {
      await this.call(wire, caller, input, transient);
    } catch (e) {
      return e as Error;
    }
    throw new Error(`${wire} unexpectedly succeeded`);
  }

  /**
   * A call that the chaincode refuses under a regulator rule: it succeeds (so
   * it commits), returns `{refused: true, ...}`, emits RegulatorAlert, and
   * writes only its alert (public `alert~<txId>`, maybe the private detail).
   */
  async refused(wire: string, caller: TestCaller, input?: unknown, transient: Record<string, unknown> = {}): Promise<TxOutcome & { result: RefusalResult }> {
    const before = this.businessSnapshot();
    const alertsBefore = this.alertKeys().length;
    const outcome = await this.call(wire, caller, input, transient);
    const result = outcome.result as RefusalResult | null;
    if (result?.refused !== true) throw new Error(`${wire} was not refused: ${JSON.stringify(outcome.result)}`);
    if (this.businessSnapshot() !== before) throw new Error(`${wire} was refused but changed business state`);
    if (this.alertKeys().length <= alertsBefore) throw new Error(`${wire} was refused but recorded no alert`);
    if (outcome.events.map((e) => e.name).join() !== 'RegulatorAlert') throw new Error(`${wire} was refused but emitted ${outcome.events.map((e) => e.name).join()}`);
    return { ...outcome, result };
  }

  private alertKeys(): string[] {
    return [...this.h.world.state.keys(), ...this.h.world.privateState.keys()].filter((k) => k.includes('\u0000alert\u0000'));
  }

  /** Like snapshot(), without alerts (public and private): what a refusal must leave unchanged. */
  businessSnapshot(): string {
    const dump = (m: Map<string, Uint8Array>): string[] =>
      [...m.entries()].filter(([k]) => !k.includes('\u0000alert\u0000')).map(([k, v]) => `${k}=${Buffer.from(v).toString('hex')}`).sort();
    return JSON.stringify([dump(this.h.world.state), dump(this.h.world.privateState), dump(this.h.world.keyPolicies)]);
  }

  /** Orgs the state-based endorsement policy of the key of `objectType~attrs` requires by name (besides the majority). */
  endorsers(objectType: string, ...attrs: string[]): string[] {
    const key = `\u0000${objectType}\u0000${attrs.map((a) => `${a}\u0000`).join('')}`;
    const policy = this.h.world.keyPolicies.get(key);
    return policy ? describeKeyPolicy(policy).required : [];
  }

  /** A snapshot of everything written, to prove that a failed call wrote nothing. */
  snapshot(): string {
    const dump = (m: Map<string, Uint8Array>): string[] => [...m.entries()].map(([k, v]) => `${k}=${Buffer.from(v).toString('hex')}`).sort();
    return JSON.stringify([dump(this.h.world.state), dump(this.h.world.privateState), dump(this.h.world.keyPolicies)]);
  }

  advanceDays(days: number): void {
    this.h.advance(days * 86_400_000);
  }

  /** A lease applied for and approved: 12 months at 6 %, principal 1,200,000.00 in cents. */
  async approvedLease(leaseId = 'L1', principal = '120000000'): Promise<Record<string, unknown>> {
    await this.call('leasing:Apply', who.projectCompany, {
      leaseId,
      stationId: 'ST-1',
      constructionApprovalHash: H('c'),
      equipment: [{ description: 'PV module 450W', quantity: 2000 }, { description: 'Inverter 100kW', quantity: 10 }],
      supplier: party.supplier,
      amount: principal,
    });
    return this.result('leasing:Approve', who.lessor, { leaseId, principal, rateBps: 600, termMonths: 12, firstDueDate: '2026-02-01' });
  }
}
