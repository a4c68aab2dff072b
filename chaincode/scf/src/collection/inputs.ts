/**
 * Input schemas of cross-channel collection (JSON argument `input`): linking a
 * lease to the energy revenue assignment that pays its rent, and relaying how
 * much that assignment has paid on the `energy` ledger. Loaded by clients too,
 * so only zod and the kit's core.
 */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { id } from '../common/schemas';

/** The ID `market:AssignRevenue` gives an assignment on the energy channel. */
export const energyAssignmentId = z.string().regex(/^asg:[0-9a-f]{32}$/, 'must be an energy assignment ID (asg:<32 hex>)');

export const linkInput = z.object({ leaseId: id, assignmentId: energyAssignmentId });

/**
 * `paid` is the assignment's cumulative `paid` as the relay saw it on `energy` (the
 * `AssignmentCollected` event). The chaincode records it only if the energy ledger shows at least that much.
 */
export const syncInput = z.object({ assignmentId: energyAssignmentId, paid: positiveAmount });

export const collectionRef = z.object({ leaseId: id });
