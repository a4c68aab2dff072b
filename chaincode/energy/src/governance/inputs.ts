/**
 * Input schemas of the governance contract (white paper 8.3.3, 8.4.3): the
 * bootstrap committee, decisions with a stated effect, and committee votes.
 * An effect states exactly what the token transaction that applies it will do,
 * so the decision the committee votes on is the change that happens.
 */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { note, participantEidSchema, pageRequest } from '../common/ids';
import { SYS } from '../token/accounts';
import { feeRuleSchema } from '../token/fees';
import { decimalString } from '../token/units';
import { callElectionEffect } from './election-inputs';
import { appointFinanceDirectorEffect, spendEffect } from './spending-inputs';

export const decisionIdSchema = z.string().regex(/^decision:[0-9a-f]{32}$/, 'must be a decision ID (decision:<32 hex>)');

/** The paper's committee has 9 core members; a bootstrap committee may be smaller (at least 3, so no one decides alone). */
export const MAX_CORE_MEMBERS = 9;
export const MIN_CORE_MEMBERS = 3;

export const bootstrapCommitteeInput = z
  .strictObject({
    members: z
      .array(participantEidSchema)
      .min(MIN_CORE_MEMBERS, `must list at least ${MIN_CORE_MEMBERS} core members`)
      .max(MAX_CORE_MEMBERS, `must list at most ${MAX_CORE_MEMBERS} core members`)
      .refine((m) => new Set(m).size === m.length, 'must not list a member twice'),
    secretaryGeneral: participantEidSchema,
    note: note(200).optional(),
  })
  .refine((c) => c.members.includes(c.secretaryGeneral), { path: ['secretaryGeneral'], message: 'must be one of the members' });

export const postRateEffect = z.strictObject({ kind: z.literal('PostRate'), deccPerDec: decimalString });
export const setFeesEffect = z
  .strictObject({ kind: z.literal('SetFees'), DEC: feeRuleSchema.optional(), DECC: feeRuleSchema.optional() })
  .refine((e) => e.DEC !== undefined || e.DECC !== undefined, { message: 'must set DEC or DECC fees' });
export const slashEffect = z.strictObject({
  kind: z.literal('SlashDeposit'),
  account: participantEidSchema,
  to: z.union([participantEidSchema, z.literal(SYS.fees)]),
  amount: positiveAmount,
});
export const ecologyPlanEffect = z.strictObject({
  kind: z.literal('EcologyPlan'),
  year: z.number().int().min(2000, 'must be at least 2000').max(2200, 'must be at most 2200'),
  amount: positiveAmount,
});
/** A social stake (report or recommendation) upheld or not (social:ResolveStake). */
export const resolveStakeEffect = z.strictObject({ kind: z.literal('ResolveStake'), stakeId: z.string().regex(/^stk:[0-9a-f]{32}$/, 'must be a stake ID (stk:<32 hex>)'), upheld: z.boolean() });
export const effectSchema = z.discriminatedUnion('kind', [postRateEffect, setFeesEffect, slashEffect, ecologyPlanEffect, callElectionEffect, resolveStakeEffect, spendEffect, appointFinanceDirectorEffect]);
export type Effect = z.output<typeof effectSchema>;

/** Votes close after `votingHours` (default 72 h, at most 30 days). */
export const proposeDecisionInput = z.strictObject({
  proposer: participantEidSchema,
  title: note(200).min(1, 'must not be empty'),
  effect: effectSchema,
  votingHours: z.number().int().min(1, 'must be at least 1').max(720, 'must be at most 720').default(72),
});
export const voteDecisionInput = z.strictObject({ decisionId: decisionIdSchema, member: participantEidSchema, approve: z.boolean() });
export const decisionIdInput = z.strictObject({ decisionId: decisionIdSchema });
export const listDecisionsInput = z.strictObject({ ...pageRequest });
