/**
 * Financing of an asset (receivable part, purchase order, warehouse receipt) by
 * a bank. The public record says who finances what and where it stands; every
 * amount and rate lives only in the private collection the bank shares with the
 * asset's holder (and the regulator).
 *
 * offered -> accepted (asset pledged, lock taken) -> advanced (bank paid out) -> repaid
 * offered -> declined
 */
import { amount, decoder, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { ASSET_TYPES } from '../common/financed';
import { hash, id, isoDate, party, receivableId } from '../common/schemas';

export const FINANCING_STATUSES = ['offered', 'accepted', 'advanced', 'repaid', 'declined'] as const;

/** Public, on the channel. */
export const financing = z.object({
  id,
  assetType: z.enum(ASSET_TYPES),
  assetId: receivableId,
  bank: party,
  counterparty: party,
  /** The private data collection holding terms, settlement and exposure for this bank/counterparty pair. */
  collection: z.string(),
  status: z.enum(FINANCING_STATUSES),
  offeredAt: z.string(),
  acceptedAt: z.string().optional(),
  advancedAt: z.string().optional(),
  advanceEvidenceHash: hash.optional(),
  repaymentEvidence: z.array(hash),
  repaidAt: z.string().optional(),
  declinedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type Financing = z.infer<typeof financing>;
export const decodeFinancing = decoder(financing, 'financing');

/** Public: one per asset, written when a financing is accepted, never removed. */
export const financingLock = z.object({
  assetType: z.enum(ASSET_TYPES),
  assetId: receivableId,
  financingId: id,
  bank: party,
  at: z.string(),
});
export type FinancingLock = z.infer<typeof financingLock>;
export const decodeLock = decoder(financingLock, 'financing lock');

/** Private (pair collection): the agreed terms. */
export const privateTerms = z.object({
  financingId: id,
  face: positiveAmount,
  advanceRateBps: z.number().int(),
  discountBps: z.number().int(),
  maturityDate: isoDate,
  /** face · advanceRateBps / 10000, truncated: what collections repay to the bank. */
  advance: positiveAmount,
  /** advance · discountBps / 10000, truncated: the bank's charge, kept from the payout. */
  discount: amount,
  /** advance − discount: what the bank pays out. */
  netDisbursed: amount,
  /** Random value from the bank's client, so the hash on the channel cannot be guessed from likely terms. */
  salt: z.string(),
});
export type PrivateTerms = z.infer<typeof privateTerms>;
export const decodeTerms = decoder(privateTerms, 'financing terms');

/** Private (pair collection): how much of the advance has come back to the bank. */
export const settlement = z.object({
  financingId: id,
  bankRepaid: amount,
  /** Receivables: the part's collected rent that went to the holder after the bank. */
  holderReceived: amount,
  updatedAt: z.string(),
  /** Per-record salt (Ledger.putPrivate); absent on records written before salting. */
  salt: z.string().optional(),
});
export type Settlement = z.infer<typeof settlement>;
export const decodeSettlement = decoder(settlement, 'financing settlement');

/** Private (pair collection): one bank's outstanding advances to one counterparty. */
export const exposure = z.object({ bank: party, counterparty: party, outstanding: amount, salt: z.string().optional() });
export type Exposure = z.infer<typeof exposure>;
export const decodeExposure = decoder(exposure, 'exposure');
