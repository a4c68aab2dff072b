/** Input schemas of the audit transactions. */
import { z } from 'zod';
import { receivableId } from '../common/schemas';
import { AUDITABLE } from './logic';

export const historyInput = z.object({
  assetType: z.enum(AUDITABLE),
  /** Lease, order, receipt and financing IDs, or a receivable part ID (`L1.2.1`). */
  assetId: receivableId,
});
