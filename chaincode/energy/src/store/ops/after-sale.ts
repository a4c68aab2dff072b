/**
 * After-sale service and ratings. The buyer opens one request per shipped
 * order; the seller records its handling (a refund returns the whole amount:
 * from the hold while it still holds it, else from the seller's balance); a
 * request left unhandled past its window fails. The buyer's rating of handled
 * service pays the seller AFTER_SALE_REWARD DECC from the reward pool (≥ 4
 * stars) or a failure (≤ 2 stars, or unhandled) takes AFTER_SALE_PENALTY DEC
 * from the seller's deposit for the payer. Ratings of the seller feed its
 * aggregate record.
 */
import type { DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { recordCreditFact } from '../../credit/facts';
import { returnToBudget } from '../../crowdfunding/ops/budget';
import { SYS } from '../../token/accounts';
import * as deposits from '../../token/deposits';
import { tokenTx } from '../../token/ops/run';
import type { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import * as logic from '../logic';
import type { Order } from '../state';
import { StoreLedger } from '../store';
import { requireParty } from './parties';
import { orderClosed, settleHold } from './shared';

export async function requestAfterSale(ctx: DecContext, input: z.output<typeof inputs.afterSaleInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  await requireParty(ctx, env, [o.buyer], `only the buyer ${o.buyer} may request after-sale service for order ${o.id}`);
  const change = logic.requestAfterSale(o, input.reason, input.evidenceHash, env);
  await store.putOrder(change.state);
  ctx.emitAll(change.events);
  return change.state;
}

export async function handleAfterSale(ctx: DecContext, input: z.output<typeof inputs.handleAfterSaleInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  await requireParty(ctx, env, [o.seller], `only the seller ${o.seller} may handle the after-sale request of order ${o.id}`);
  const change = logic.handleAfterSale(o, input.resolution, input.handlingHash, env);
  return tokenTx(ctx, 'store:HandleAfterSale', async (tokens) => {
    if (input.resolution === 'refund') {
      if (o.held) {
        await settleHold(ctx, env, tokens, o, false, 'store:HandleAfterSale');
        await orderClosed(store, o.seller, env);
      } else {
        await tokens.debit(o.asset, o.seller, BigInt(o.amount));
        await tokens.credit(o.asset, o.payer, BigInt(o.amount), o.seller, 'store:HandleAfterSale');
      }
      if (o.projectId && o.purpose) await returnToBudget(ctx, o.projectId, o.purpose, BigInt(o.amount));
    }
    await store.putOrder(change.state);
    ctx.emitAll(change.events);
    return change.state;
  });
}

/** Anyone, after the handling window of an unhandled request. */
export async function failAfterSale(ctx: DecContext, input: z.output<typeof inputs.orderInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  return applyOutcome(ctx, env, store, logic.failAfterSale(await store.requireOrder(input.orderId), env), 'store:FailAfterSale');
}

export async function rateAfterSale(ctx: DecContext, input: z.output<typeof inputs.rateInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  await requireParty(ctx, env, [o.buyer], `only the buyer ${o.buyer} may rate the after-sale service of order ${o.id}`);
  return applyOutcome(ctx, env, store, logic.rateAfterSale(o, input.stars), 'store:RateAfterSale');
}

async function applyOutcome(ctx: DecContext, env: EnergyEnv, store: StoreLedger, out: logic.Outcome, op: string): Promise<Order> {
  return tokenTx(ctx, op, async (tokens) => {
    let order = out.state;
    const a = order.afterSale;
    if (a && out.reward) order = { ...order, afterSale: { ...a, rewardDecc: (await reward(tokens, order, op)).toString() } };
    if (a && out.penalty) order = { ...order, afterSale: { ...a, penaltyDec: (await penalise(ctx, env, tokens, order)).toString() } };
    if (out.reward || out.penalty) await store.putRating(logic.addAfterSaleOutcome(await store.rating(order.seller), out.reward ? 'rewarded' : 'penalised', env));
    await store.putOrder(order);
    ctx.emitAll(out.events);
    return order;
  });
}

/** The reward comes out of the DECC reward pool, never minted; a pool that cannot cover it refuses the rating (the platform funds the pool). */
async function reward(tokens: TokenStore, o: Order, op: string): Promise<bigint> {
  await tokens.debit('DECC', SYS.rewards, logic.AFTER_SALE_REWARD);
  await tokens.credit('DECC', o.seller, logic.AFTER_SALE_REWARD, SYS.rewards, op);
  return logic.AFTER_SALE_REWARD;
}

/** Takes the penalty (at most what the deposit holds; nothing from an empty one) for the payer. */
async function penalise(ctx: DecContext, env: EnergyEnv, tokens: TokenStore, o: Order): Promise<bigint> {
  const d = await tokens.deposit(o.seller);
  if (!d || BigInt(d.amount) === 0n) return 0n;
  const change = deposits.slash(d, logic.AFTER_SALE_PENALTY, o.payer, `store after-sale ${o.id}`, undefined, env);
  await tokens.putDeposit(change.state, d);
  await tokens.credit('DEC', o.payer, change.taken, `deposit:${o.seller}`, 'store:AfterSalePenalty');
  ctx.emitAll(change.events);
  return change.taken;
}

/** The buyer rates the seller once per settled order; the seller's aggregate counts it. */
export async function rateSeller(ctx: DecContext, input: z.output<typeof inputs.rateInput>, env: EnergyEnv): Promise<Order> {
  const store = new StoreLedger(ctx.ledger);
  const o = await store.requireOrder(input.orderId);
  await requireParty(ctx, env, [o.buyer], `only the buyer ${o.buyer} may rate the seller of order ${o.id}`);
  const change = logic.rateSeller(o, input.stars, input.reviewHash);
  await store.putRating(logic.addRating(await store.rating(o.seller), input.stars, env));
  await recordCreditFact(ctx, { subject: o.seller, kind: 'ratings', value: input.stars, ref: { order: o.id } });
  await store.putOrder(change.state);
  ctx.emitAll(change.events);
  return change.state;
}
