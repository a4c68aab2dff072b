/**
 * What the relay takes from the energy chaincode's events for the credit
 * service: each `CreditFact` (alone or inside a `Batch`) names a fact recorded
 * on `energy` by its ID. The relay asks scf to count it (`credit:CountEnergyFact`),
 * which reads the fact on the energy ledger itself and counts it once, so the
 * relay carries only an ID it cannot forge into anything.
 */
import { z } from 'zod';

export interface FactClaim {
  subject: string;
  txId: string;
  n: number;
}

const fact = z.object({ subject: z.string().min(1), txId: z.string().min(1), n: z.number().int().min(1) });
const batch = z.object({ events: z.array(z.object({ name: z.string(), payload: z.unknown() })) });

function claimOf(payload: unknown): FactClaim[] {
  const parsed = fact.safeParse(payload);
  return parsed.success ? [{ subject: parsed.data.subject, txId: parsed.data.txId, n: parsed.data.n }] : [];
}

/** The credit facts one chaincode event names, in order (none for other events or malformed payloads). */
export function factClaims(event: { eventName: string; payload: Uint8Array }): FactClaim[] {
  if (event.eventName !== 'CreditFact' && event.eventName !== 'Batch') return [];
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(event.payload).toString('utf8'));
  } catch {
    return [];
  }
  if (event.eventName === 'CreditFact') return claimOf(json);
  const parsed = batch.safeParse(json);
  if (!parsed.success) return [];
  return parsed.data.events.filter((e) => e.name === 'CreditFact').flatMap((e) => claimOf(e.payload));
}

export type FactOutcome = 'counted' | 'already counted' | 'not bound' | 'retry';

/** What a refused CountEnergyFact means for the relay: done, nobody on scf to count it for, or try again. */
export function factOutcomeOf(text: string): FactOutcome {
  if (text.includes('already counted')) return 'already counted';
  if (text.includes('NOT_FOUND: scf party bound to energy eID')) return 'not bound';
  return 'retry';
}
