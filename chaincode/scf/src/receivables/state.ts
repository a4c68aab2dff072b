/**
 * A receivable: the lessor's rent-collection right on one lease, pledged with
 * the station's electricity-charge income. The root (ID = lease ID) has the
 * lease's total rent as face amount; splitting retires a part and creates
 * children `<id>.1`, `<id>.2`, ... whose amounts sum exactly to it, so the
 * active leaves always sum to the root.
 *
 * active  -> split (children carry on) | financed (pledged to one bank, once)
 * financed -> repaid (the bank was repaid in full from collections)
 * A financed or repaid part is never split, transferred or financed again.
 */
import { decoder, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { pledge } from '../common/financed';
import { id, party, receivableId } from '../common/schemas';

export const RECEIVABLE_STATUSES = ['active', 'split', 'financed', 'repaid'] as const;

export const receivable = z.object({
  id: receivableId,
  rootId: id,
  parentId: receivableId.optional(),
  leaseId: id,
  amount: positiveAmount,
  /** Face amount of the root = the lease's total rent; a part's share of collections is amount / rootAmount. */
  rootAmount: positiveAmount,
  holder: party,
  /** Every holder so far, oldest first: the path the credit travelled upstream. */
  holders: z.array(party),
  debtor: party,
  collateral: z.object({ stationId: id, income: z.literal('electricity-charges') }),
  status: z.enum(RECEIVABLE_STATUSES),
  children: z.array(receivableId),
  pledge: pledge.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Receivable = z.infer<typeof receivable>;
export const decodeReceivable = decoder(receivable, 'receivable');
