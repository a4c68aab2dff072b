/** Input schemas of the maintenance contract: one JSON object argument per transaction. */
import { amount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { pointIdSchema } from '../charging/inputs';
import { note, pageRequest, participantEidSchema, sha256Hex } from '../common/ids';
import { latE6Schema, lonE6Schema, zoneSchema } from '../market/state';
import { starsSchema } from '../ratings/stars';

export const orderIdSchema = z.string().regex(/^mo:[0-9a-f]{32}$/, 'must be a maintenance order ID (mo:<32 hex>)');

export const registerMaintainerInput = z.strictObject({
  maintainer: participantEidSchema,
  zone: zoneSchema,
  latE6: latE6Schema,
  lonE6: lonE6Schema,
  /** What one order costs the provider (DECC base units). */
  charge: amount,
});

export const availabilityInput = z.strictObject({ maintainer: participantEidSchema, available: z.boolean() });

export const reportInput = z.strictObject({
  reporter: participantEidSchema,
  pointId: pointIdSchema,
  connectorId: z.number().int('must be an integer').min(1, 'must be at least 1').max(99, 'must be at most 99'),
  description: note(500).min(1, 'must not be empty'),
  /** SHA-256 of the breakdown photo (the photo itself stays off chain). */
  photoHash: sha256Hex,
});

export const orderInput = z.strictObject({ orderId: orderIdSchema });
export const completeInput = z.strictObject({ orderId: orderIdSchema, evidenceHash: sha256Hex });
export const rateRepairInput = z.strictObject({ orderId: orderIdSchema, stars: starsSchema });
export const ordersOfInput = z.strictObject({ provider: participantEidSchema, ...pageRequest });
export const ratingInput = z.strictObject({ eid: participantEidSchema });
export const maintainerInput = z.strictObject({ maintainer: participantEidSchema });
