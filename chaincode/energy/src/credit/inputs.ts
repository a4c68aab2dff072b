/** Input of `credit:GetFact` on `energy`: a credit fact's ID (its subject, transaction and number). */
import { z } from 'zod';

export const creditFactInput = z.object({
  subject: z.string().regex(/^[A-Za-z0-9:_.@-]{1,128}$/, 'must be an eID or account (1-128 characters A-Z a-z 0-9 : _ . @ -)'),
  txId: z.string().regex(/^[0-9A-Za-z_-]{1,128}$/, 'must be a transaction ID (1-128 characters A-Z a-z 0-9 _ -)'),
  n: z.number().int('must be an integer').min(1, 'must be at least 1').max(999, 'must be at most 999'),
});
