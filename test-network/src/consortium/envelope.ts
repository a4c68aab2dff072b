/**
 * A config-update envelope as admins exchange it: the ConfigUpdate bytes every
 * signer signs, the ConfigSignatures collected so far, and who made each one.
 * Works on the bytes (see protowire.ts) so nothing signed is ever re-encoded.
 */
import { createHash } from 'node:crypto';
import { all, field, one } from './protowire';

export interface ConfigUpdateEnvelopeParts {
  header: Buffer;
  configUpdate: Buffer;
  signatures: Buffer[];
}

export function parseEnvelope(envelope: Buffer): ConfigUpdateEnvelopeParts {
  const payload = one(envelope, 1, 'Envelope (payload)');
  const header = one(payload, 1, 'Payload (header)');
  const data = one(payload, 2, 'Payload (data)');
  return { header, configUpdate: one(data, 1, 'ConfigUpdateEnvelope (config_update)'), signatures: all(data, 2) };
}

/**
 * The envelope with exactly `signatures`. The outer envelope signature is left
 * out: `peer channel update` signs the envelope as the submitter.
 */
export function withSignatures(parts: ConfigUpdateEnvelopeParts, signatures: Buffer[]): Buffer {
  const data = Buffer.concat([field(1, parts.configUpdate), ...signatures.map((s) => field(2, s))]);
  const payload = Buffer.concat([field(1, parts.header), field(2, data)]);
  return field(1, payload);
}

/** The MSP ID of the identity that made a ConfigSignature. */
export function signerMsp(configSignature: Buffer): string {
  const signatureHeader = one(configSignature, 1, 'ConfigSignature (signature_header)');
  const creator = one(signatureHeader, 1, 'SignatureHeader (creator)');
  return one(creator, 1, 'SerializedIdentity (mspid)').toString('utf8');
}

/** What identifies the update a signature belongs to: the SHA-256 of the signed ConfigUpdate bytes. */
export function updateDigest(parts: ConfigUpdateEnvelopeParts): string {
  return createHash('sha256').update(parts.configUpdate).digest('hex');
}
