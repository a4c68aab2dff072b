/**
 * Stored state of cross-channel collection, and the part of an energy revenue
 * assignment the scf chaincode reads from the `energy` channel. Both are
 * decoded through zod, so a malformed answer from the other channel fails loudly.
 */
import { amount, decoder } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { id, party } from '../common/schemas';

/** `market:GetAssignment` on `energy`, as far as scf relies on it (extra fields are ignored). */
export const energyAssignment = z.object({
  id: z.string(),
  meter: z.string(),
  assignor: z.string(),
  beneficiary: z.string(),
  cap: amount,
  paid: amount,
  ref: z.string().optional(),
  status: z.enum(['active', 'fulfilled', 'released']),
});
export type EnergyAssignment = z.infer<typeof energyAssignment>;
export const decodeEnergyAssignment = decoder(energyAssignment, 'energy assignment');

/** `identity:Get` on `energy`: whose account the income is paid to (the org holding the eID). */
export const energyParticipant = z.object({ eid: z.string(), mspId: z.string(), status: z.string() });
export type EnergyParticipant = z.infer<typeof energyParticipant>;
export const decodeEnergyParticipant = decoder(energyParticipant, 'energy participant');

export const lastSync = z.object({ paid: amount, amount, txId: z.string(), at: z.string() });

/** A lease whose rent is paid by one energy revenue assignment. */
export const collectionLink = z.object({
  leaseId: id,
  assignmentId: z.string(),
  meter: z.string(),
  beneficiary: z.string(),
  cap: amount,
  /** The assignment's cumulative `paid` already recorded here: each unit of income is recorded once. */
  synced: amount,
  /** Of `synced`, what was applied to instalments (oldest first). */
  applied: amount,
  /** Of `synced`, income above the lease's remaining rent (recorded, not applied). */
  surplus: amount,
  syncs: z.number().int(),
  lastSync: lastSync.optional(),
  linkedAt: z.string(),
  linkedBy: party,
});
export type CollectionLink = z.infer<typeof collectionLink>;
export const decodeCollectionLink = decoder(collectionLink, 'collection link');

export const assignmentIndex = z.object({ leaseId: id });
export const decodeAssignmentIndex = decoder(assignmentIndex, 'collection index');
