/** Insurance storage. Key scheme: `inspolicy~<policyId>`, `claim~<claimId>` (a claim names its policy). */
import { keyPart, type DecContext } from '@dec/chaincode-kit';
import { decodeClaim, decodePolicy, type Claim, type InsurancePolicy } from './state';

export const policyKey = (ctx: DecContext, policyId: string): string => ctx.ledger.key('inspolicy', keyPart('policyId', policyId));
export const claimKey = (ctx: DecContext, claimId: string): string => ctx.ledger.key('claim', keyPart('claimId', claimId));

export async function getPolicy(ctx: DecContext, policyId: string): Promise<InsurancePolicy> {
  return ctx.ledger.require(policyKey(ctx, policyId), decodePolicy, 'insurance policy', policyId);
}
export async function getClaim(ctx: DecContext, claimId: string): Promise<Claim> {
  return ctx.ledger.require(claimKey(ctx, claimId), decodeClaim, 'insurance claim', claimId);
}
export const policyExists = (ctx: DecContext, policyId: string): Promise<boolean> => ctx.ledger.exists(policyKey(ctx, policyId));
export const claimExists = (ctx: DecContext, claimId: string): Promise<boolean> => ctx.ledger.exists(claimKey(ctx, claimId));
export const putPolicy = (ctx: DecContext, p: InsurancePolicy): Promise<void> => ctx.ledger.put(policyKey(ctx, p.id), p);
export const putClaim = (ctx: DecContext, c: Claim): Promise<void> => ctx.ledger.put(claimKey(ctx, c.id), c);
