/**
 * Powers follow decisions (white paper 8.3.3, 8.5): the token transactions that
 * used to be the platform operator's alone (the DECC rate, the fees, large
 * slashes, releases from the ecology pool) call these before they change
 * anything. Each names a passed committee decision whose stated effect must be
 * exactly what the transaction does; a one-shot effect is then marked applied
 * in the same transaction, so MVCC on the decision key lets it apply once.
 */
import type { DecContext } from '@dec/chaincode-kit';
import { RuleViolationError, ValidationError } from '@dec/chaincode-kit/core';
import type { EnergyEnv } from '../common/env';
import type { FeeRule } from '../token/fees';
import { decimalToE18, ONE_DEC } from '../token/units';
import * as logic from './logic';
import type { Decision } from './state';
import { GovernanceStore } from './store';

/** Slashes of more than this many base units (10,000 DEC) need a committee decision. */
export const SLASH_DECISION_THRESHOLD = 10_000n * ONE_DEC;

type Op = 'PostRate' | 'SetFees' | 'SlashDeposit' | 'ReleaseBatch' | 'FundRewardPool';

async function withDecision(ctx: DecContext, decisionId: string, env: EnergyEnv, fn: (d: Decision) => Decision | undefined, op: Op): Promise<void> {
  const store = new GovernanceStore(ctx.ledger);
  const decision = await store.requireDecision(decisionId);
  const next = fn(decision) ?? logic.markApplied(decision, op, env).state;
  await store.putDecision(next);
  ctx.emit('DecisionApplied', { decisionId, op, txId: env.txId });
}

function mismatch(field: string, decided: string, asked: string): ValidationError {
  return new ValidationError(`request.${field}`, `does not match the decision: decided ${decided}, requested ${asked}`);
}

export async function applyPostRate(ctx: DecContext, decisionId: string, deccPerDec: string, env: EnergyEnv): Promise<void> {
  await withDecision(ctx, decisionId, env, (d) => {
    const effect = logic.requireApplicable(d, 'PostRate', env.now);
    if (decimalToE18(effect.deccPerDec) !== decimalToE18(deccPerDec)) throw mismatch('deccPerDec', effect.deccPerDec, deccPerDec);
    return undefined;
  }, 'PostRate');
}

const sameRule = (a: FeeRule | undefined, b: FeeRule | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a.bps === b.bps && BigInt(a.min) === BigInt(b.min);

export async function applySetFees(ctx: DecContext, decisionId: string, fees: { DEC?: FeeRule | undefined; DECC?: FeeRule | undefined }, env: EnergyEnv): Promise<void> {
  await withDecision(ctx, decisionId, env, (d) => {
    const effect = logic.requireApplicable(d, 'SetFees', env.now);
    for (const asset of ['DEC', 'DECC'] as const) {
      if (!sameRule(effect[asset], fees[asset])) throw mismatch(asset, JSON.stringify(effect[asset] ?? null), JSON.stringify(fees[asset] ?? null));
    }
    return undefined;
  }, 'SetFees');
}

export interface SlashRequest {
  account: string;
  to: string;
  amount: string;
  decisionId?: string | undefined;
}

/** Above the threshold a decision is required; a named decision is always checked and applied. */
export async function applySlash(ctx: DecContext, slash: SlashRequest, env: EnergyEnv): Promise<void> {
  if (slash.decisionId === undefined) {
    if (BigInt(slash.amount) > SLASH_DECISION_THRESHOLD) throw new ValidationError('request.decisionId', `is required: slashing more than ${SLASH_DECISION_THRESHOLD.toString()} base units needs a passed committee decision`);
    return;
  }
  await withDecision(ctx, slash.decisionId, env, (d) => {
    const effect = logic.requireApplicable(d, 'SlashDeposit', env.now);
    if (effect.account !== slash.account) throw mismatch('account', effect.account, slash.account);
    if (effect.to !== slash.to) throw mismatch('to', effect.to, slash.to);
    if (BigInt(effect.amount) !== BigInt(slash.amount)) throw mismatch('amount', effect.amount, slash.amount);
    return undefined;
  }, 'SlashDeposit');
}

/** Ecology pool releases: only in the plan's calendar year (UTC, of the transaction time) and within its approved amount. */
export async function applyEcologyRelease(ctx: DecContext, decisionId: string | undefined, total: bigint, env: EnergyEnv, op: 'ReleaseBatch' | 'FundRewardPool' = 'ReleaseBatch'): Promise<void> {
  if (decisionId === undefined) throw new ValidationError('request.decisionId', 'is required: releases from the ecology pool follow a yearly plan the committee approved');
  await withDecision(ctx, decisionId, env, (d) => {
    const effect = logic.requireApplicable(d, 'EcologyPlan', env.now);
    const year = new Date(Date.parse(env.now)).getUTCFullYear();
    if (year !== effect.year) throw new RuleViolationError('ecology-plan-year', `decision ${d.decisionId} is the ecology plan of ${effect.year.toString()}; it is now ${year.toString()}`);
    const released = BigInt(d.released ?? '0') + total;
    const plan = BigInt(effect.amount);
    if (released > plan) throw new RuleViolationError('ecology-plan-amount', `release beyond the approved plan: ${released.toString()} of ${plan.toString()} base units`);
    const next = { ...d, released: released.toString(), applied: [...d.applied, { txId: env.txId, at: env.now, op }] };
    return released === plan ? { ...next, status: 'applied' as const } : next;
  }, op);
}
