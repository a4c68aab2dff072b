/**
 * What the collection relay takes from the energy chaincode's events: each
 * `AssignmentCollected` (alone, or inside a `Batch` event of a settlement)
 * becomes a claim "assignment X has paid P in total". The claim is only a hint:
 * the scf chaincode records it only as far as the energy ledger shows it paid.
 */
import { z } from 'zod';

export interface IncomeClaim {
  assignmentId: string;
  /** The assignment's cumulative `paid` after this collection. */
  paid: string;
}

const collected = z.object({ assignmentId: z.string(), paid: z.string().regex(/^[0-9]+$/) });
const batch = z.object({ events: z.array(z.object({ name: z.string(), payload: z.unknown() })) });

function claimOf(payload: unknown): IncomeClaim[] {
  const parsed = collected.safeParse(payload);
  return parsed.success ? [{ assignmentId: parsed.data.assignmentId, paid: parsed.data.paid }] : [];
}

/** The income claims one chaincode event carries, in order (none for other events or malformed payloads). */
export function incomeClaims(event: { eventName: string; payload: Uint8Array }): IncomeClaim[] {
  if (event.eventName !== 'AssignmentCollected' && event.eventName !== 'Batch') return [];
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(event.payload).toString('utf8'));
  } catch {
    return [];
  }
  if (event.eventName === 'AssignmentCollected') return claimOf(json);
  const parsed = batch.safeParse(json);
  if (!parsed.success) return [];
  return parsed.data.events.filter((e) => e.name === 'AssignmentCollected').flatMap((e) => claimOf(e.payload));
}

/** Several claims of one assignment in a block: only the highest matters (it covers the others). */
export function latestPerAssignment(claims: readonly IncomeClaim[]): IncomeClaim[] {
  const best = new Map<string, IncomeClaim>();
  for (const c of claims) {
    const seen = best.get(c.assignmentId);
    if (!seen || BigInt(c.paid) > BigInt(seen.paid)) best.set(c.assignmentId, c);
  }
  return [...best.values()];
}
