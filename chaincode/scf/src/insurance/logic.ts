/** Insurance rules as pure functions. */
import { big, ConflictError, str, ValidationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { MSP } from '../common/constants';
import { dateOf } from '../common/dates';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import { requireInForce } from '../leasing/logic';
import type { Lease } from '../leasing/state';
import type { assessClaimInput, fileClaimInput, underwriteInput } from './inputs';
import type { Claim, InsurancePolicy } from './state';

export function underwrite(input: z.infer<typeof underwriteInput>, lease: Lease, env: ScfEnv): { policy: InsurancePolicy; events: ScfEvent[] } {
  requireInForce(lease);
  if (input.insured !== lease.projectCompany && input.insured !== MSP.lessor) {
    throw new ValidationError('input.insured', `must be the lease's project company ${lease.projectCompany} or ${MSP.lessor}`);
  }
  const policy: InsurancePolicy = {
    id: input.policyId,
    insurer: env.actor.party,
    leaseId: lease.id,
    insured: input.insured,
    equipment: input.equipment,
    coverage: input.coverage,
    premium: input.premium,
    startDate: input.startDate,
    endDate: input.endDate,
    paidTotal: '0',
    createdAt: env.now,
    updatedAt: env.now,
  };
  const payload = { policyId: policy.id, insurer: policy.insurer, leaseId: lease.id, insured: policy.insured, coverage: policy.coverage };
  return { policy, events: [{ name: 'PolicyUnderwritten', payload }] };
}

function remainingCover(policy: InsurancePolicy): bigint {
  return big(policy.coverage) - big(policy.paidTotal);
}

export function fileClaim(input: z.infer<typeof fileClaimInput>, policy: InsurancePolicy, env: ScfEnv): { claim: Claim; events: ScfEvent[] } {
  const today = dateOf(env.now);
  if (today < policy.startDate || today > policy.endDate) throw new ConflictError(`policy ${policy.id} is not in force on ${today}`);
  if (big(input.amount) > remainingCover(policy)) throw new ValidationError('input.amount', `must not exceed the remaining cover ${remainingCover(policy)}`);
  const claim: Claim = {
    id: input.claimId,
    policyId: policy.id,
    claimant: env.actor.party,
    amount: input.amount,
    description: input.description,
    evidenceHash: input.evidenceHash,
    status: 'filed',
    filedAt: env.now,
    updatedAt: env.now,
  };
  return { claim, events: [{ name: 'ClaimFiled', payload: { claimId: claim.id, policyId: policy.id, claimant: claim.claimant, amount: claim.amount, evidenceHash: claim.evidenceHash } }] };
}

export function assessClaim(claim: Claim, policy: InsurancePolicy, input: z.infer<typeof assessClaimInput>, env: ScfEnv): { claim: Claim; events: ScfEvent[] } {
  if (claim.status !== 'filed') throw new ConflictError(`claim ${claim.id} is ${claim.status}, not filed`);
  const assessment = { by: env.actor.party, reason: input.reason, reportHash: input.reportHash, at: env.now };
  if (input.decision === 'reject') {
    const next: Claim = { ...claim, status: 'rejected', assessment, updatedAt: env.now };
    return { claim: next, events: [{ name: 'ClaimRejected', payload: { claimId: claim.id, reason: input.reason } }] };
  }
  const approved = big(input.approvedAmount);
  if (approved > big(claim.amount)) throw new ValidationError('input.approvedAmount', `must not exceed the claimed ${claim.amount}`);
  if (approved > remainingCover(policy)) throw new ValidationError('input.approvedAmount', `must not exceed the remaining cover ${remainingCover(policy)}`);
  const next: Claim = { ...claim, status: 'approved', approvedAmount: input.approvedAmount, assessment, updatedAt: env.now };
  return { claim: next, events: [{ name: 'ClaimApproved', payload: { claimId: claim.id, approvedAmount: input.approvedAmount } }] };
}

export function payClaim(claim: Claim, policy: InsurancePolicy, evidenceHash: string, env: ScfEnv): { claim: Claim; policy: InsurancePolicy; events: ScfEvent[] } {
  if (claim.status !== 'approved' || claim.approvedAmount === undefined) throw new ConflictError(`claim ${claim.id} is ${claim.status}, not approved`);
  const paid = big(policy.paidTotal) + big(claim.approvedAmount);
  if (paid > big(policy.coverage)) throw new ConflictError(`paying claim ${claim.id} would exceed the coverage ${policy.coverage}`);
  const next: Claim = { ...claim, status: 'paid', payment: { evidenceHash, at: env.now }, updatedAt: env.now };
  const nextPolicy: InsurancePolicy = { ...policy, paidTotal: str(paid), updatedAt: env.now };
  const payload = { claimId: claim.id, policyId: policy.id, amount: claim.approvedAmount, evidenceHash, policyPaidTotal: nextPolicy.paidTotal };
  return { claim: next, policy: nextPolicy, events: [{ name: 'ClaimPaid', payload }] };
}
