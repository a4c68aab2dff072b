/**
 * Revenue wiring (issue 16, item 1): what the funded equipment earns reaches
 * the project on its own, not by the fundraiser's goodwill. A station owner
 * assigns its market proceeds (`market:AssignRevenue`) to a succeeded project
 * instead of a participant; every settlement then pays the assignment's share
 * into the project's revenue account (`cf-revenue:<hex>`, which no
 * `token:Transfer` can move) and counts it in the project's `revenue.DECC`,
 * so the next `crowdfunding:DeclareDividend` of DECC splits it like any other
 * revenue. The proceeds move, they are never created: the same DECC the
 * beneficiary would have been credited lands in the revenue account instead.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import { isProjectBeneficiary } from './beneficiary';
import * as logic from './logic';
import { revenueAccount } from './state';
import { CrowdfundingStore } from './store';

/** The token account a beneficiary's share is credited to. */
export const payeeAccount = (beneficiary: string): string => (isProjectBeneficiary(beneficiary) ? revenueAccount(beneficiary) : beneficiary);

/** A project may be assigned revenue once its campaign succeeded (the equipment is funded); never a failed one. */
export async function requireRevenueProject(ctx: DecContext, projectId: string): Promise<void> {
  const project = await new CrowdfundingStore(ctx.ledger).requireProject(projectId);
  if (project.status !== 'succeeded') throw new ConflictError(`project ${projectId} is ${project.status}; revenue can be assigned only to a succeeded project`);
}

/** Revenue owed to projects during one settlement run, counted on each project once at its end. */
export class ProjectRevenue {
  private readonly owed = new Map<string, bigint>();

  add(beneficiary: string, amount: bigint): void {
    if (amount > 0n && isProjectBeneficiary(beneficiary)) this.owed.set(beneficiary, (this.owed.get(beneficiary) ?? 0n) + amount);
  }

  async record(ctx: DecContext): Promise<void> {
    const store = new CrowdfundingStore(ctx.ledger);
    for (const id of [...this.owed.keys()].sort()) {
      const change = logic.accrueRevenue(await store.requireProject(id), 'DECC', this.owed.get(id) ?? 0n);
      await store.putProject(change.state);
      ctx.emitAll(change.events);
    }
  }
}
