/** Input schemas of the identity contract: one JSON object argument per transaction. */
import { z } from 'zod';
import { deviceEidSchema, note, pageRequest, participantEidSchema, sha256Hex } from '../common/ids';
import { deviceKindSchema, ROLES, roleSchema } from './state';

const roles = z.array(roleSchema).min(1, 'must name at least one role').max(ROLES.length, `must name at most ${ROLES.length} roles`);
const reason = note(200).min(1, 'must not be empty');

export const registerInput = z.strictObject({ kycHash: sha256Hex, roles });
export const approveInput = z.strictObject({ eid: participantEidSchema, roles: roles.optional(), note: note(200).optional() });
export const decisionInput = z.strictObject({ eid: participantEidSchema, reason });
export const reinstateInput = z.strictObject({ eid: participantEidSchema, note: note(200).optional() });
export const eidInput = z.strictObject({ eid: participantEidSchema });
export const listByRoleInput = z.strictObject({ role: roleSchema, ...pageRequest });

export const registerDeviceInput = z.strictObject({
  ownerEid: participantEidSchema,
  kind: deviceKindSchema,
  serial: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 . _ : -'),
  publicKey: z.string().max(4000, 'must be at most 4000 characters').regex(/^-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\s*$/, 'must be a PEM public key').optional(),
  label: note(100).optional(),
});
export const deviceEidInput = z.strictObject({ eid: deviceEidSchema });
export const retireDeviceInput = z.strictObject({ eid: deviceEidSchema, reason });
export const listDevicesInput = z.strictObject({ ownerEid: participantEidSchema, ...pageRequest });
