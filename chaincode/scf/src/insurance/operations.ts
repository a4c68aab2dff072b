/** Insurance operations: underwrite, and claims filed by the insured and assessed and paid by the underwriting insurer. */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireParty } from '../access/policy';
import type { ScfEnv } from '../common/env';
import { LeaseStore } from '../leasing/store';
import type { assessClaimInput, claimRef, fileClaimInput, payClaimInput, policyRef, underwriteInput } from './inputs';
import { assessClaim, fileClaim, payClaim, underwrite } from './logic';
import type { Claim, InsurancePolicy } from './state';
import { InsuranceStore } from './store';

export async function underwritePolicy(ctx: DecContext, req: z.output<typeof underwriteInput>, env: ScfEnv): Promise<InsurancePolicy> {
  const store = new InsuranceStore(ctx.ledger);
  if (await store.policyExists(req.policyId)) throw new ConflictError(`insurance policy ${req.policyId} already exists`);
  const change = underwrite(req, await new LeaseStore(ctx.ledger).require(req.leaseId), env);
  await store.putPolicy(change.policy);
  ctx.emitAll(change.events);
  return change.policy;
}

/** Only the insured files. */
export async function file(ctx: DecContext, req: z.output<typeof fileClaimInput>, env: ScfEnv): Promise<Claim> {
  const store = new InsuranceStore(ctx.ledger);
  if (await store.claimExists(req.claimId)) throw new ConflictError(`insurance claim ${req.claimId} already exists`);
  const policy = await store.requirePolicy(req.policyId);
  requireParty(env.actor, policy.insured, 'the insured');
  const change = fileClaim(req, policy, env);
  await store.putClaim(change.claim);
  ctx.emitAll(change.events);
  return change.claim;
}

/** A claim and its policy, once the caller is shown to be the underwriting insurer. */
async function insurersClaim(store: InsuranceStore, claimId: string, env: ScfEnv): Promise<{ claim: Claim; policy: InsurancePolicy }> {
  const claim = await store.requireClaim(claimId);
  const policy = await store.requirePolicy(claim.policyId);
  requireParty(env.actor, policy.insurer, 'the underwriting insurer');
  return { claim, policy };
}

/** Only the underwriting insurer assesses. */
export async function assess(ctx: DecContext, req: z.output<typeof assessClaimInput>, env: ScfEnv): Promise<Claim> {
  const store = new InsuranceStore(ctx.ledger);
  const { claim, policy } = await insurersClaim(store, req.claimId, env);
  const change = assessClaim(claim, policy, req, env);
  await store.putClaim(change.claim);
  ctx.emitAll(change.events);
  return change.claim;
}

export async function pay(ctx: DecContext, req: z.output<typeof payClaimInput>, env: ScfEnv): Promise<Claim> {
  const store = new InsuranceStore(ctx.ledger);
  const { claim, policy } = await insurersClaim(store, req.claimId, env);
  const change = payClaim(claim, policy, req.evidenceHash, env);
  await store.putClaim(change.claim);
  await store.putPolicy(change.policy);
  ctx.emitAll(change.events);
  return change.claim;
}

export function getPolicy(ctx: DecContext, req: z.output<typeof policyRef>): Promise<InsurancePolicy> {
  return new InsuranceStore(ctx.ledger).requirePolicy(req.policyId);
}

export function getClaim(ctx: DecContext, req: z.output<typeof claimRef>): Promise<Claim> {
  return new InsuranceStore(ctx.ledger).requireClaim(req.claimId);
}
