/**
 * A new chaincode definition when a channel's membership changes. Our
 * endorsement policies name each member (`OutOf(n, <each member>.peer)`), so
 * Fabric does not widen them by itself: the definition is approved again at the
 * next sequence with the new member list, the same version (same code, same
 * packages) and the full collections config (Fabric refuses a definition that
 * drops an existing collection). Each org approves with its own admin and its
 * own package; the commit goes to every member's peer. The test network's
 * state records the new sequence, so its `deploy` does not take the change
 * for a code change.
 */
import { collectionsConfig, endpoint, type ChaincodeSpec, type NetworkModel, type OrgModel } from '@dec/network';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { orgAdminEnv, ordererFlags } from '../env';
import { run } from '../exec';
import { first } from '../lists';
import { bin } from '../paths';
import { say } from '../progress';
import { withOrderingRetry } from '../steps/ordering-retry';
import { readState, writeState } from '../state';
import { withDeployLock } from './deploy-lock';
import { workDir } from './folders';

/** An org taking part: its model (the consortium's, or a joining org's own) and its package for the chaincode. */
export interface Participant {
  model: NetworkModel;
  org: OrgModel;
  packageId: string;
}

export interface DefinitionChange {
  channel: string;
  chaincode: ChaincodeSpec;
  /** Orgs named by the endorsement policy, in order. */
  members: string[];
  /** Orgs that approve (enough for LifecycleEndorsement over the channel's current orgs). */
  approvers: Participant[];
  /** Peers the commit is endorsed by. */
  endorsers: Participant[];
  /** The version a first definition on the channel carries (later ones keep the committed version). */
  firstVersion: string;
}

export function memberPolicy(chaincode: ChaincodeSpec, members: string[]): string {
  const e = chaincode.endorsement;
  if ('signaturePolicy' in e) return e.signaturePolicy;
  return `OutOf(${e.outOf}, ${members.map((m) => `'${m}.peer'`).join(', ')})`;
}

/** The committed definition's sequence and version; sequence 0 when none is committed yet (a new channel). */
async function committed(p: Participant, channel: string, name: string, firstVersion: string): Promise<{ sequence: number; version: string }> {
  try {
    const out = await run(bin('peer'), ['lifecycle', 'chaincode', 'querycommitted', '-C', channel, '-n', name, '--output', 'json'], { env: orgAdminEnv(p.org) });
    return JSON.parse(out.slice(out.indexOf('{'))) as { sequence: number; version: string };
  } catch (e) {
    if (/not found|404/.test(String(e))) return { sequence: 0, version: firstVersion };
    throw e;
  }
}

/** Approves and commits the definition naming `members`; returns the new sequence. */
export async function updateDefinition(change: DefinitionChange): Promise<number> {
  return withDeployLock(async () => {
    const committer = first(change.approvers, 'approver');
    const current = await committed(committer, change.channel, change.chaincode.name, change.firstVersion);
    const sequence = current.sequence + 1;
    const policy = memberPolicy(change.chaincode, change.members);
    const collectionsFile = path.join(workDir(), `${change.channel}-${change.chaincode.name}-collections.json`);
    mkdirSync(path.dirname(collectionsFile), { recursive: true });
    writeFileSync(collectionsFile, JSON.stringify(collectionsConfig(change.chaincode.collections), null, 2));
    const definition = [
      '--channelID', change.channel, '--name', change.chaincode.name, '--version', current.version, '--sequence', String(sequence), '--signature-policy', policy,
      ...(change.chaincode.collections.length > 0 ? ['--collections-config', collectionsFile] : []),
    ];
    for (const p of change.approvers) {
      await withOrderingRetry(`approve ${change.chaincode.name} for ${p.org.spec.mspId}`, () =>
        run(bin('peer'), ['lifecycle', 'chaincode', 'approveformyorg', ...ordererFlags(p.model), ...definition, '--package-id', p.packageId], { env: orgAdminEnv(p.org) }),
      );
      say(`  ${p.org.spec.mspId} approved ${change.chaincode.name} sequence ${sequence}`);
    }
    const peers = change.endorsers.flatMap((p) => {
      const peer = first(p.org.peers, `peer of ${p.org.spec.mspId}`);
      return ['--peerAddresses', endpoint(peer, peer.port), '--tlsRootCertFiles', p.org.tlsCaCert];
    });
    await withOrderingRetry(`commit ${change.chaincode.name}`, () =>
      run(bin('peer'), ['lifecycle', 'chaincode', 'commit', ...ordererFlags(committer.model), ...definition, ...peers], { env: orgAdminEnv(committer.org) }),
    );
    say(`${change.chaincode.name} on ${change.channel}: sequence ${sequence} committed, endorsement ${policy}`);
    recordSequence(change.channel, change.chaincode.name, sequence);
    return sequence;
  });
}

/** Keeps the test network's record in step, so `deploy` sees the same code at the recorded sequence. */
function recordSequence(channel: string, name: string, sequence: number): void {
  const state = readState();
  const deployed = state?.chaincodes[name];
  if (!state || deployed?.channel !== channel) return;
  deployed.sequence = sequence;
  writeState(state);
}
