/**
 * A credit fact as stored on `energy` (see facts.ts). The `scf` chaincode
 * decodes the same shape from the cross-channel answer.
 */
import { decoder } from '@dec/chaincode-kit/core';
import { z } from 'zod';

export const CREDIT_FACT_KINDS = ['marketPenalties', 'meterAnomalies', 'drawdowns', 'dividendsOnTime', 'dividendsLate', 'ratings'] as const;
export type CreditFactKind = (typeof CREDIT_FACT_KINDS)[number];

export const creditFact = z.object({
  subject: z.string(),
  txId: z.string(),
  n: z.number().int().min(1),
  kind: z.enum(CREDIT_FACT_KINDS),
  value: z.number().int().min(1).max(5).optional(),
  ref: z.record(z.string(), z.string()),
  at: z.string(),
});
export type CreditFact = z.infer<typeof creditFact>;
export const decodeCreditFact = decoder(creditFact, 'credit fact');
