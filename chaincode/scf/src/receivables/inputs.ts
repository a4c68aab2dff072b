/** Input schemas of the receivables transactions. */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { id, isoDate, party, receivableId } from '../common/schemas';
import { MAX_PARTS_PER_SPLIT } from './logic';

export const issueInput = z.object({ leaseId: id });

export const splitInput = z.object({
  receivableId,
  amounts: z
    .array(positiveAmount)
    .min(2, 'must list at least 2 parts')
    .max(MAX_PARTS_PER_SPLIT, `must list at most ${MAX_PARTS_PER_SPLIT} parts`),
});

export const transferInput = z.object({ receivableId, to: party });

/** Transient `assignment` (optional, lessor -> supplier only): what the supplier gives for the part. Private. */
export const assignmentTerms = z.object({
  consideration: positiveAmount,
  paymentDueDate: isoDate.optional(),
});

export const receivableRef = z.object({ receivableId });
export const treeInput = z.object({ rootId: id });
