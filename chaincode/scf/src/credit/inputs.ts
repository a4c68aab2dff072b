/**
 * Input schemas of the scf credit service. Loaded by clients too, so only zod
 * and the kit's core.
 */
import { z } from 'zod';
import { actingParty, text } from '../common/schemas';

export const subjectInput = z.object({ subject: actingParty });

/** A credit fact recorded on `energy` (credit.fact~<subject>~<txId>~<n>), as its `CreditFact` event names it. */
export const energyFactInput = z.object({
  subject: z.string().regex(/^[A-Za-z0-9:_.@-]{1,128}$/, 'must be an energy eID or account'),
  txId: z.string().regex(/^[0-9A-Za-z_-]{1,128}$/, 'must be a transaction ID (1-128 characters A-Z a-z 0-9 _ -)'),
  n: z.number().int('must be an integer').min(1, 'must be at least 1').max(999, 'must be at most 999'),
});
export type EnergyFactId = z.output<typeof energyFactInput>;

export const financingRequestInput = z.object({
  bank: z.string().regex(/^BankMSP$/, 'must be a bank institution (BankMSP)'),
  purpose: text(200),
});

export const closeRequestInput = z.object({ bank: z.string().regex(/^BankMSP$/, 'must be a bank institution (BankMSP)') });

/** An energy eID whose crowdfunding standing the energy chaincode asks for (cross-channel, `credit:Standing`). */
export const standingInput = z.object({ eid: energyFactInput.shape.subject });
