/** Revenue assignment: the holder of a meter's owner assigns its market proceeds (up to a cap) to a participant or a succeeded crowdfunding project; the beneficiary's holder or the platform operator releases it (a project's: the platform operator). */
import { big, ConflictError, NotFoundError, type DecContext } from '@dec/chaincode-kit';
import type { Assignment } from '../state';
import type { z } from 'zod';
import { requireCreditable, requireHolder, requireHolderOrOperator, requirePlatformOperator } from '../../access/object-rules';
import { isProjectBeneficiary } from '../../crowdfunding/beneficiary';
import { requireRevenueProject } from '../../crowdfunding/revenue-wiring';
import type { EnergyEnv } from '../../common/env';
import { IdentityStore } from '../../identity/store';
import { MeteringStore } from '../../metering/store';
import { createAssignment, releaseAssignment } from '../assignment';
import type * as inputs from '../inputs';
import { MAX_ACTIVE_ASSIGNMENTS, MarketStore } from '../store';
import { marketIds } from './shared';

export async function assignRevenue(ctx: DecContext, input: z.output<typeof inputs.assignRevenueInput>, env: EnergyEnv): Promise<Assignment> {
  const meter = await new MeteringStore(ctx.ledger).meter(input.meter);
  if (!meter) throw new NotFoundError('meter', input.meter);
  const ids = new IdentityStore(ctx.ledger);
  requireHolder(env.actor, await ids.requireParticipant(meter.ownerEid));
  if (isProjectBeneficiary(input.beneficiary)) {
    await requireRevenueProject(ctx, input.beneficiary);
  } else {
    const beneficiary = await ids.requireParticipant(input.beneficiary);
    requireCreditable(beneficiary);
    if (beneficiary.status !== 'active') throw new ConflictError(`beneficiary ${beneficiary.eid} is ${beneficiary.status}`);
  }
  const store = new MarketStore(ctx.ledger);
  if ((await store.assignmentsOf(input.meter)).length >= MAX_ACTIVE_ASSIGNMENTS) {
    throw new ConflictError(`meter ${input.meter} already has ${MAX_ACTIVE_ASSIGNMENTS} active revenue assignments; one must be fulfilled or released first`);
  }
  const change = createAssignment({ id: marketIds('asg', ctx), meter: input.meter, assignor: meter.ownerEid, beneficiary: input.beneficiary, cap: big(input.cap), ref: input.ref }, env);
  if (await store.assignment(change.state.id)) throw new ConflictError(`assignment ${change.state.id} already exists`);
  await store.saveAssignment(change.state, true);
  ctx.emitAll(change.events);
  return change.state;
}

export async function releaseAssignmentTx(ctx: DecContext, input: z.output<typeof inputs.assignmentIdInput>, env: EnergyEnv): Promise<Assignment> {
  const store = new MarketStore(ctx.ledger);
  const a = await store.requireAssignment(input.assignmentId);
  // A project's assignment backs its funders' dividends: only the platform operator releases it, never the fundraiser alone.
  if (isProjectBeneficiary(a.beneficiary)) requirePlatformOperator(env.actor);
  else requireHolderOrOperator(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(a.beneficiary));
  const change = releaseAssignment(a, env);
  await store.saveAssignment(change.state, false);
  ctx.emitAll(change.events);
  return change.state;
}

