/** `insurance` contract: quality insurance on leased equipment and its claims. */
import { ConflictError, DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { requireParty } from '../access/policy';
import { emitAll } from '../common/events';
import { begin } from '../common/tx';
import { getLease } from '../leasing/store';
import { assessClaimInput, claimRef, fileClaimInput, payClaimInput, policyRef, underwriteInput } from './inputs';
import { assessClaim, fileClaim, payClaim, underwrite } from './logic';
import { claimExists, getClaim, getPolicy, policyExists, putClaim, putPolicy } from './store';

@Info({ title: 'insurance', description: 'Quality insurance on leased equipment: underwrite, claim, assess, pay' })
export class InsuranceContract extends DecContract {
  constructor() {
    super('insurance');
  }

  @Transaction()
  @Returns('string')
  async Underwrite(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'insurance:Underwrite');
    const req = parseInput(underwriteInput, input);
    if (await policyExists(ctx, req.policyId)) throw new ConflictError(`insurance policy ${req.policyId} already exists`);
    const change = underwrite(req, await getLease(ctx, req.leaseId), env);
    await putPolicy(ctx, change.policy);
    emitAll(ctx, change.events);
    return result(change.policy);
  }

  /** Only the insured files. */
  @Transaction()
  @Returns('string')
  async FileClaim(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'insurance:FileClaim');
    const req = parseInput(fileClaimInput, input);
    if (await claimExists(ctx, req.claimId)) throw new ConflictError(`insurance claim ${req.claimId} already exists`);
    const policy = await getPolicy(ctx, req.policyId);
    requireParty(env.actor, policy.insured, 'the insured');
    const change = fileClaim(req, policy, env);
    await putClaim(ctx, change.claim);
    emitAll(ctx, change.events);
    return result(change.claim);
  }

  /** Only the underwriting insurer assesses. */
  @Transaction()
  @Returns('string')
  async AssessClaim(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'insurance:AssessClaim');
    const req = parseInput(assessClaimInput, input);
    const claim = await getClaim(ctx, req.claimId);
    const policy = await getPolicy(ctx, claim.policyId);
    requireParty(env.actor, policy.insurer, 'the underwriting insurer');
    const change = assessClaim(claim, policy, req, env);
    await putClaim(ctx, change.claim);
    emitAll(ctx, change.events);
    return result(change.claim);
  }

  @Transaction()
  @Returns('string')
  async PayClaim(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'insurance:PayClaim');
    const req = parseInput(payClaimInput, input);
    const claim = await getClaim(ctx, req.claimId);
    const policy = await getPolicy(ctx, claim.policyId);
    requireParty(env.actor, policy.insurer, 'the underwriting insurer');
    const change = payClaim(claim, policy, req.evidenceHash, env);
    await putClaim(ctx, change.claim);
    await putPolicy(ctx, change.policy);
    emitAll(ctx, change.events);
    return result(change.claim);
  }

  @Transaction(false)
  @Returns('string')
  async GetPolicy(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'insurance:GetPolicy');
    const req = parseInput(policyRef, input);
    return result(await getPolicy(ctx, req.policyId));
  }

  @Transaction(false)
  @Returns('string')
  async GetClaim(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'insurance:GetClaim');
    const req = parseInput(claimRef, input);
    return result(await getClaim(ctx, req.claimId));
  }
}
