/**
 * Signing a config update as one org's admin, and the signature files admins
 * exchange. `sign` runs `peer channel signconfigtx` with that admin's own MSP
 * (its private key never leaves it) on a copy of the update, and keeps only the
 * ConfigSignature it added: a small JSON file naming the channel, the signing
 * MSP and the digest of the update it signs. Whoever submits collects the files.
 */
import type { OrgModel } from '@dec/network';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { orgAdminEnv } from '../env';
import { run } from '../exec';
import { bin } from '../paths';
import { UserFacingError } from '../progress';
import { parseEnvelope, signerMsp, updateDigest } from './envelope';
import { workDir } from './folders';

export interface SignatureFile {
  kind: 'dec-config-signature';
  channel: string;
  mspId: string;
  /** SHA-256 (hex) of the ConfigUpdate bytes signed. */
  update: string;
  /** The ConfigSignature, base64. */
  signature: string;
}

/** Signs `updateFile` as `org`'s admin and writes the signature file `outFile`. */
export async function signUpdate(updateFile: string, channel: string, org: OrgModel, outFile: string): Promise<SignatureFile> {
  const before = parseEnvelope(readFileSync(updateFile));
  const dir = mkdtempSync(path.join(workDir(), 'sign-'));
  try {
    const copy = path.join(dir, 'update.pb');
    copyFileSync(updateFile, copy);
    await run(bin('peer'), ['channel', 'signconfigtx', '-f', copy], { env: orgAdminEnv(org) });
    const after = parseEnvelope(readFileSync(copy));
    const added = after.signatures.slice(before.signatures.length);
    const mine = added[0];
    if (added.length !== 1 || !mine || signerMsp(mine) !== org.spec.mspId) {
      throw new UserFacingError(`signconfigtx did not add one signature by ${org.spec.mspId}`, `check the admin MSP ${org.admin.mspDir}`);
    }
    const file: SignatureFile = { kind: 'dec-config-signature', channel, mspId: org.spec.mspId, update: updateDigest(after), signature: mine.toString('base64') };
    writeFileSync(outFile, `${JSON.stringify(file, null, 2)}\n`);
    return file;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function field(json: Record<string, unknown>, name: keyof SignatureFile, file: string): string {
  const value = json[name];
  if (typeof value !== 'string' || value === '') throw new UserFacingError(`${file}: field ${name} must be a non-empty string`, 'pass a file written by `consortium sign`');
  return value;
}

/** Reads and checks a signature file against the update it claims to sign. */
export function readSignatureFile(file: string, expectedDigest: string): SignatureFile & { bytes: Buffer } {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new UserFacingError(`${file} is not a signature file (${(e as Error).message})`, 'pass a file written by `consortium sign`');
  }
  if (json.kind !== 'dec-config-signature') throw new UserFacingError(`${file}: field kind must be "dec-config-signature"`, 'pass a file written by `consortium sign`');
  const parsed = { kind: 'dec-config-signature' as const, channel: field(json, 'channel', file), mspId: field(json, 'mspId', file), update: field(json, 'update', file), signature: field(json, 'signature', file) };
  if (parsed.update !== expectedDigest) throw new UserFacingError(`${file}: field update names a different config update than the one submitted`, 'sign the update file being submitted');
  const bytes = Buffer.from(parsed.signature, 'base64');
  const maker = signerMsp(bytes);
  if (maker !== parsed.mspId) throw new UserFacingError(`${file}: field mspId says ${parsed.mspId} but the signature was made by ${maker}`, 'do not edit signature files');
  return { ...parsed, bytes };
}
