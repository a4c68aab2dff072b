/**
 * Identity state: participants and devices, as stored. Every record is parsed
 * through these schemas when it is built and when it is read back, so a
 * malformed record is caught at the boundary rather than deep in logic.
 */
import { z } from 'zod';
import { deviceEidSchema, participantEidSchema, sha256Hex } from '../common/ids';

export const ROLES = [
  'producer',
  'consumer',
  'storage-owner',
  'service-provider',
  'maintainer',
  'fundraiser',
  'seller',
  'funder',
  'grid',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** pending → active | rejected; active ⇄ suspended. A rejected caller may register again (new eID). */
export const PARTICIPANT_STATUSES = ['pending', 'active', 'rejected', 'suspended'] as const;
export const participantStatusSchema = z.enum(PARTICIPANT_STATUSES);
export type ParticipantStatus = z.infer<typeof participantStatusSchema>;

const decisionSchema = z.object({
  action: z.enum(['approved', 'rejected', 'suspended', 'reinstated']),
  by: z.string(),
  at: z.string(),
  txId: z.string(),
  reason: z.string().optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const participantSchema = z.object({
  eid: participantEidSchema,
  status: participantStatusSchema,
  /** SHA-256 of the real-name (KYC) data, which itself stays off chain. */
  kycHash: sha256Hex,
  requestedRoles: z.array(roleSchema).min(1),
  /** Roles granted by the platform at approval; empty until then. */
  roles: z.array(roleSchema),
  /** The Fabric identity the eID is bound to: MSP ID + certificate ID (x509::subject::issuer). */
  mspId: z.string().min(1),
  certId: z.string().min(1),
  registeredAt: z.string(),
  registeredTxId: z.string(),
  updatedAt: z.string(),
  /** The latest KYC/status decision (earlier ones are in the key history). */
  lastDecision: decisionSchema.optional(),
});
export type Participant = z.infer<typeof participantSchema>;

export const DEVICE_KINDS = ['meter', 'charging-pile', 'vehicle'] as const;
export const deviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const deviceSchema = z.object({
  eid: deviceEidSchema,
  kind: deviceKindSchema,
  ownerEid: participantEidSchema,
  /** Manufacturer serial (VIN for vehicles): unique per kind. */
  serial: z.string().min(1),
  /** PEM public key the device signs with (meters: used by metering later). */
  publicKey: z.string().optional(),
  label: z.string().optional(),
  status: z.enum(['active', 'retired']),
  registeredAt: z.string(),
  registeredBy: z.string(),
  registeredTxId: z.string(),
  retiredAt: z.string().optional(),
  retiredReason: z.string().optional(),
});
export type Device = z.infer<typeof deviceSchema>;

export function participant(value: Participant): Participant {
  return participantSchema.parse(value);
}

export function device(value: Device): Device {
  return deviceSchema.parse(value);
}
