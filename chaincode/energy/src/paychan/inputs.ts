/** Input schemas of the payment-channel contract: one JSON object argument per transaction. */
import { amount, positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { participantEidSchema } from '../common/ids';

export const channelIdSchema = z.string().regex(/^pch:[0-9a-f]{32}$/, 'must be a payment channel ID (pch:<32 hex>)');
const pem = z
  .string()
  .max(4000, 'must be at most 4000 characters')
  .regex(/^-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\s*$/, 'must be a PEM public key (SPKI, ECDSA P-256)');
const signature = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/** The challenge window: at least 1 hour (far beyond Fabric's 15-minute proposal time window), at most 30 days. */
export const MIN_CHALLENGE_SECONDS = 3600;
export const MAX_CHALLENGE_SECONDS = 30 * 24 * 3600;

export const openInput = z.strictObject({
  user: participantEidSchema,
  provider: participantEidSchema,
  deposit: positiveAmount,
  userKey: pem,
  challengeSeconds: z
    .number()
    .int('must be an integer')
    .min(MIN_CHALLENGE_SECONDS, `must be at least ${MIN_CHALLENGE_SECONDS}`)
    .max(MAX_CHALLENGE_SECONDS, `must be at most ${MAX_CHALLENGE_SECONDS}`)
    .default(86_400),
});

export const joinInput = z.strictObject({
  channelId: channelIdSchema,
  deposit: amount,
  providerKey: pem,
});

const stateFields = {
  channelId: channelIdSchema,
  nonce: z.number().int('must be an integer').min(1, 'must be at least 1').max(Number.MAX_SAFE_INTEGER, 'must be a safe integer'),
  userPaid: amount,
  providerPaid: amount,
  userSig: signature,
  providerSig: signature,
};

/** A balance proof signed by both parties. */
export const proofSchema = z.strictObject({
  nonce: stateFields.nonce,
  userPaid: amount,
  providerPaid: amount,
  userSig: signature,
  providerSig: signature,
});

export const cooperativeCloseInput = z.strictObject(stateFields);

export const closeInput = z.strictObject({
  channelId: channelIdSchema,
  /** The party closing (its holder calls). */
  by: participantEidSchema,
  /** The latest proof the closer holds; omitted = nothing was ever paid. */
  proof: proofSchema.optional(),
});

export const updateInput = z.strictObject({
  channelId: channelIdSchema,
  by: participantEidSchema,
  proof: proofSchema,
});

export const settleInput = z.strictObject({ channelId: channelIdSchema, by: participantEidSchema });
export const channelInput = z.strictObject({ channelId: channelIdSchema });
