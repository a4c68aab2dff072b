/**
 * Lease storage. Key scheme: `lease~<leaseId>` (composite key, objectType `lease`).
 * One record per lease holds its schedule, supplier payments and collections:
 * a lease changes a few times a month, so one key is no hot spot, and a bank
 * checking the lease behind a receivable reads it in one get.
 */
import { keyPart, type DecContext } from '@dec/chaincode-kit';
import { decodeLease, type Lease } from './state';

export function leaseKey(ctx: DecContext, leaseId: string): string {
  return ctx.ledger.key('lease', keyPart('leaseId', leaseId));
}

export async function getLease(ctx: DecContext, leaseId: string): Promise<Lease> {
  return ctx.ledger.require(leaseKey(ctx, leaseId), decodeLease, 'lease', leaseId);
}

export async function leaseExists(ctx: DecContext, leaseId: string): Promise<boolean> {
  return ctx.ledger.exists(leaseKey(ctx, leaseId));
}

export async function putLease(ctx: DecContext, lease: Lease): Promise<void> {
  await ctx.ledger.put(leaseKey(ctx, lease.id), lease);
}
