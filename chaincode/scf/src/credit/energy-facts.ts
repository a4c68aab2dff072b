/**
 * Reads one credit fact from the `energy` ledger inside an scf transaction
 * (cross-channel query of `credit:GetFact`, as collection:Sync reads an
 * assignment). A fact is a blind insert that never changes, so two endorsers
 * either both see it or one refuses: they never write different things.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import { decoder } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { queryEnergy } from '../collection/energy-reader';
import type { EnergyFactId } from './inputs';

/** `credit:GetFact` on `energy`, as far as scf relies on it. */
const energyCreditFact = z.object({
  subject: z.string(),
  txId: z.string(),
  n: z.number().int(),
  kind: z.enum(['marketPenalties', 'meterAnomalies', 'drawdowns', 'dividendsOnTime', 'dividendsLate', 'ratings']),
  value: z.number().int().min(1).max(5).optional(),
  at: z.string(),
});
export type EnergyCreditFact = z.infer<typeof energyCreditFact>;
const decodeEnergyCreditFact = decoder(energyCreditFact, 'energy credit fact');

export async function readEnergyFact(ctx: DecContext, id: EnergyFactId): Promise<EnergyCreditFact> {
  const label = `${id.subject}/${id.txId}/${id.n}`;
  const fact = decodeEnergyCreditFact(await queryEnergy(ctx, 'credit:GetFact', id, 'energy credit fact', label));
  if (fact.subject !== id.subject || fact.txId !== id.txId || fact.n !== id.n) throw new ConflictError(`the energy ledger answered another fact for ${label}`);
  return fact;
}
