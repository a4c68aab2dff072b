/**
 * Submitting a config update: the signature files are spliced into the update
 * envelope, `peer channel update` sends it as the submitting org's admin (which
 * adds that admin's signature too), and the orderer checks it against the
 * current config. Before sending, the command says which signatures the
 * channel's policy still lacks; when the orderer refuses for lack of
 * signatures, the error says which orgs still need to sign.
 */
import type { NetworkModel, OrgModel } from '@dec/network';
import { readFileSync, writeFileSync } from 'node:fs';
import { orgAdminEnv, ordererFlags } from '../env';
import { run } from '../exec';
import { bin } from '../paths';
import { say, UserFacingError } from '../progress';
import { describeShortfall, requiredSigners, shortfalls, type Shortfall } from './admins-policy';
import { fetchConfig } from './channel-config';
import { readUpdate } from './config-update';
import { parseEnvelope, updateDigest, withSignatures } from './envelope';
import { readSignatureFile } from './signatures';

export interface SubmitOutcome {
  channel: string;
  /** MSPs whose admins signed (the submitter included). */
  signers: string[];
}

/** Refused by the orderer for lack of signatures; `missing` lists who still needs to sign. */
export class SignaturesMissingError extends UserFacingError {
  constructor(
    readonly channel: string,
    readonly signers: string[],
    readonly missing: Shortfall[],
    readonly ordererSays: string,
  ) {
    super(
      `the orderer refused the config update of ${channel}: not enough admin signatures (signed: ${signers.join(', ')}).\n    orderer: ${ordererSays}`,
      `still needed: ${missing.map(describeShortfall).join('; ') || 'see the orderer log (the policy may have changed)'} — have those admins run \`consortium sign\` and submit again with their signature files`,
    );
    this.name = 'SignaturesMissingError';
  }
}

const POLICY_REFUSAL = /policy for \[.*?\] \S+ not satisfied[^\n]*|\d+ sub-policies were satisfied, but this policy requires \d+ of the '\w+' sub-policies to be satisfied/;

export async function submitUpdate(model: NetworkModel, submitter: OrgModel, updateFile: string, signatureFiles: string[], combinedFile: string): Promise<SubmitOutcome> {
  const parts = parseEnvelope(readFileSync(updateFile));
  const digest = updateDigest(parts);
  const signatures = signatureFiles.map((f) => readSignatureFile(f, digest));
  const update = await readUpdate(updateFile);
  const channel = update.channel_id;
  const wrong = signatures.find((s) => s.channel !== channel);
  if (wrong) throw new UserFacingError(`a signature file for ${wrong.mspId} names channel ${wrong.channel}, the update is for ${channel}`, 'sign the update being submitted');
  const signers = [...new Set([...signatures.map((s) => s.mspId), submitter.spec.mspId])].sort();

  const config = await fetchConfig(model, submitter, channel);
  const missing = shortfalls(requiredSigners(config, update), signers);
  say(`submitting the config update of ${channel} signed by ${signers.join(', ')}${missing.length > 0 ? `; by the channel's policy it still lacks ${missing.map(describeShortfall).join('; ')}` : ''}`);

  writeFileSync(combinedFile, withSignatures(parts, signatures.map((s) => s.bytes)));
  try {
    await run(bin('peer'), ['channel', 'update', '-f', combinedFile, '-c', channel, ...ordererFlags(model)], { env: orgAdminEnv(submitter) });
  } catch (e) {
    const refusal = POLICY_REFUSAL.exec(String(e));
    if (refusal) throw new SignaturesMissingError(channel, signers, missing, refusal[0]);
    throw e;
  }
  return { channel, signers };
}
