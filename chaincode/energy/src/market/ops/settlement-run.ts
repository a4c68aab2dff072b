/**
 * One settlement run inside a transaction (slot settlement, PPA settlement,
 * emergency settlement): reads interval energy and station assignments once,
 * applies each obligation's settlement math (fee, proceeds to assignees first,
 * penalty from the seller's deposit), closes escrow holds, and pays DECC
 * credits once per account at the end.
 */
import type { DecContext } from '@dec/chaincode-kit';
import type { EnergyEnv } from '../../common/env';
import { recordCreditFact } from '../../credit/facts';
import { MeteringStore } from '../../metering/store';
import { SYS } from '../../token/accounts';
import * as deposits from '../../token/deposits';
import * as holds from '../../token/holds';
import { TokenStore } from '../../token/store';
import { distribute } from '../assignment';
import { payeeAccount, ProjectRevenue } from '../../crowdfunding/revenue-wiring';
import type { Assignment, TradeSettlement } from '../state';
import type { MarketStore } from '../store';
import { sumIntervals, type SettlementMath, type SlotEnergy } from '../settlement';
import { meterIntervals } from '../slots';

/** Per-transaction reading of interval energy and station assignments, and batched payouts. */
export class SettlementRun {
  readonly token: TokenStore;
  private readonly energy = new Map<string, SlotEnergy | undefined>();
  private readonly assignments = new Map<string, Assignment[]>();
  /** DECC credits by account, paid once at the end (fewer keys, same money). */
  private readonly deccCredits = new Map<string, bigint>();
  private readonly metering: MeteringStore;
  /** Shares of assignments to crowdfunding projects, counted on the projects at the end. */
  private readonly projects = new ProjectRevenue();

  constructor(
    private readonly ctx: DecContext,
    private readonly env: EnergyEnv,
    private readonly store: MarketStore,
    private readonly slotMinutes: number,
    private readonly op: string,
    /** The settled slot's start: only assignments created before it share its proceeds. */
    private readonly slotStart: string,
  ) {
    this.token = new TokenStore(ctx.ledger);
    this.metering = new MeteringStore(ctx.ledger);
  }

  /**
   * Energy of a meter in the market slot: the sum of its metering intervals
   * inside it (undefined: no data), with the export of interpolated intervals
   * counted apart (a whole interval counts as interpolated if any of it was).
   */
  async slotEnergy(meter: string, slot: string, meterSlotMinutes: number): Promise<SlotEnergy | undefined> {
    const key = `${meter}|${slot}`;
    if (this.energy.has(key)) return this.energy.get(key);
    const parts: (SlotEnergy | undefined)[] = [];
    for (const start of meterIntervals(slot, this.slotMinutes, meterSlotMinutes)) {
      const i = await this.metering.interval(meter, start);
      parts.push(i ? { importWh: BigInt(i.importWh), exportWh: BigInt(i.exportWh), interpolatedExportWh: i.interpolated ? BigInt(i.exportWh) : 0n } : undefined);
    }
    const e = sumIntervals(parts);
    this.energy.set(key, e);
    return e;
  }

  payDecc(account: string, amount: bigint): void {
    if (amount > 0n) this.deccCredits.set(account, (this.deccCredits.get(account) ?? 0n) + amount);
  }

  /**
   * The seller's net proceeds: to the station's assignees first (senior first), the rest to the
   * seller. Only assignments created before the slot started count (issue 13: one made during
   * settlement must not conflict with it).
   */
  async payProceeds(meter: string, seller: string, amount: bigint, context: Record<string, unknown>): Promise<bigint> {
    if (amount === 0n) return 0n;
    let list = this.assignments.get(meter);
    if (!list) {
      list = await this.store.assignmentsOf(meter, new Date(this.slotStart).toISOString());
      this.assignments.set(meter, list);
    }
    const d = distribute(list, amount, this.env, context);
    for (const a of d.updated) {
      await this.store.saveAssignment(a, false);
      list = list.map((x) => (x.id === a.id ? a : x));
    }
    this.assignments.set(meter, list);
    for (const p of d.payouts) {
      this.payDecc(payeeAccount(p.beneficiary), p.amount);
      this.projects.add(p.beneficiary, p.amount);
    }
    this.payDecc(seller, d.toAssignor);
    this.ctx.emitAll(d.events);
    return amount - d.toAssignor;
  }

  /** Slashes up to `penalty` DEC from the seller's deposit to `to`; returns what was taken. */
  async penalise(seller: string, to: string, penalty: bigint, reason: string): Promise<bigint> {
    if (penalty === 0n) return 0n;
    await recordCreditFact(this.ctx, { subject: seller, kind: 'marketPenalties', ref: { penalty: penalty.toString(), to, reason } });
    const d = await this.token.deposit(seller);
    if (!d || BigInt(d.amount) === 0n) {
      this.ctx.emit('PenaltyUncollectable', { account: seller, to, amount: penalty.toString(), reason });
      return 0n;
    }
    const change = deposits.slash(d, penalty, to, reason, undefined, this.env);
    await this.token.putDeposit(change.state, d);
    await this.token.credit('DEC', to, change.taken, `deposit:${seller}`, 'MarketPenalty');
    this.ctx.emitAll(change.events);
    return change.taken;
  }

  /** Applies one obligation's settlement math: fee, proceeds, penalty. */
  async apply(
    m: SettlementMath,
    parties: { seller: string; sellerMeter: string; buyer: string },
    context: Record<string, unknown>,
  ): Promise<TradeSettlement> {
    this.payDecc(SYS.fees, m.fee);
    const assigned = await this.payProceeds(parties.sellerMeter, parties.seller, m.sellerNet, context);
    const penaltyTaken = await this.penalise(parties.seller, parties.buyer, m.penalty, `under-delivery ${m.shortfallWh} Wh (${JSON.stringify(context)})`);
    return {
      sellerExportWh: m.sellerExportWh === null ? null : m.sellerExportWh.toString(),
      buyerImportWh: m.buyerImportWh === null ? null : m.buyerImportWh.toString(),
      deliveredWh: m.deliveredWh.toString(),
      paid: m.paid.toString(),
      fee: m.fee.toString(),
      sellerNet: m.sellerNet.toString(),
      assigned: assigned.toString(),
      shortfallWh: m.shortfallWh.toString(),
      penalty: m.penalty.toString(),
      penaltyTaken: penaltyTaken.toString(),
      data: m.data,
      sellerInterpolated: m.sellerInterpolated,
      at: this.env.now,
      txId: this.env.txId,
    };
  }

  /**
   * Closes an escrow hold: `paid` captured (already credited to payees via
   * payDecc), the rest back to the payer. An expired or closed hold pays nothing.
   */
  async closeHold(holdIdValue: string, paid: bigint): Promise<{ paid: bigint; released: bigint }> {
    const h = await this.token.requireHold(holdIdValue);
    if (h.status !== 'open') return { paid: 0n, released: 0n };
    const s = paid > 0n ? holds.captureHold(h, paid, this.env) : holds.releaseHold(h, this.env);
    await this.token.putHold(s.state, h);
    await this.token.credit('DECC', h.payer, s.toPayer, h.id, this.op);
    this.ctx.emitAll(s.events);
    return { paid, released: s.toPayer };
  }

  /** Whether a hold can still be captured now. */
  async funded(holdIdValue: string): Promise<boolean> {
    const h = await this.token.requireHold(holdIdValue);
    return h.status === 'open' && this.ctx.ledger.txTimeMs < Date.parse(h.expiresAt);
  }

  async finish(): Promise<void> {
    await this.projects.record(this.ctx);
    for (const account of [...this.deccCredits.keys()].sort()) {
      await this.token.credit('DECC', account, this.deccCredits.get(account) ?? 0n, 'market', this.op);
    }
    await this.token.finish(this.op);
  }
}

/** What an obligation pays when its escrow can no longer be captured: nothing. */
export const UNFUNDED = (m: SettlementMath): SettlementMath => ({ ...m, paid: 0n, fee: 0n, sellerNet: 0n });

