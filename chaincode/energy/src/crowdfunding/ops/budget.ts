/**
 * Money a store order took from a project's budget that comes back (an order
 * cancelled before shipment, or refunded after-sale) returns to the purpose's
 * budget line, so it can be spent again only for that purpose.
 */
import type { DecContext } from '@dec/chaincode-kit';
import { CrowdfundingStore } from '../store';

export async function returnToBudget(ctx: DecContext, projectId: string, purpose: string, amount: bigint): Promise<void> {
  const store = new CrowdfundingStore(ctx.ledger);
  const p = await store.requireProject(projectId);
  const budget = p.budget.map((l) => {
    if (l.purpose !== purpose) return l;
    const drawn = BigInt(l.drawn) - amount;
    return { ...l, drawn: (drawn < 0n ? 0n : drawn).toString() };
  });
  await store.putProject({ ...p, budget });
  ctx.emit('crowdfunding.ReturnedToBudget', { projectId, purpose, amount: amount.toString() });
}
