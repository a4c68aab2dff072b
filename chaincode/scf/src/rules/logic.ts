/**
 * The regulator's rules as pure checks. Each returns a violation or undefined,
 * so the same code stops a transaction (enforce -> RuleViolationError), answers
 * an evaluate-time pre-check (rules:CheckFinancing) and confirms an alert (rules:RaiseAlert).
 */
import { big, RuleViolationError } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { TxEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import type { setRulesInput } from './inputs';
import type { RuleId, Rules } from './state';

export interface Violation {
  rule: RuleId;
  message: string;
}

/** No asset is financed more than once, whoever the bank: a lock exists from its first accepted financing. */
export function checkDoubleFinancing(assetType: string, assetId: string, lock: { financingId: string; bank: string } | undefined): Violation | undefined {
  if (!lock) return undefined;
  return { rule: 'double-financing', message: `${assetType} ${assetId} is already financed (financing ${lock.financingId} by ${lock.bank})` };
}

export function checkAdvanceRate(r: Rules, advanceRateBps: number): Violation | undefined {
  if (advanceRateBps <= r.maxAdvanceRateBps) return undefined;
  return { rule: 'max-advance-rate', message: `advance rate ${advanceRateBps} bps is above the maximum ${r.maxAdvanceRateBps} bps` };
}

/** One bank's outstanding advances to one counterparty stay within the limit. */
export function checkConcentration(r: Rules, bank: string, counterparty: string, outstanding: bigint, advance: bigint): Violation | undefined {
  const after = outstanding + advance;
  if (after <= big(r.concentrationLimit)) return undefined;
  return {
    rule: 'concentration-limit',
    message: `${bank} would have ${after} outstanding to ${counterparty}, above the limit ${r.concentrationLimit}`,
  };
}

export function enforce(...checks: (Violation | undefined)[]): void {
  const v = checks.find((c) => c !== undefined);
  if (v) throw new RuleViolationError(v.rule, v.message);
}

export function updateRules(previous: Rules, input: z.infer<typeof setRulesInput>, env: TxEnv): { rules: Rules; events: ScfEvent[] } {
  const next: Rules = {
    maxAdvanceRateBps: input.maxAdvanceRateBps ?? previous.maxAdvanceRateBps,
    concentrationLimit: input.concentrationLimit ?? previous.concentrationLimit,
    version: previous.version + 1,
    updatedBy: env.actor.party,
    updatedAt: env.now,
  };
  return { rules: next, events: [{ name: 'RulesChanged', payload: { ...next, previousVersion: previous.version } }] };
}

