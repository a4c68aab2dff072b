/**
 * `dec-network org-crypto <org> --out <dir>`: an org makes its own crypto on
 * its own host, and only its public MSP definition leaves it. cryptogen runs
 * for this one org (its peers, admin, CA and chaincode TLS certificates, with
 * its host in the SANs); `<dir>/public/` then holds what the consortium needs
 * to add the org: its verifying MSP folder (no keys) and the `configtxgen
 * -printOrg` JSON that a channel config update embeds.
 */
import { orgPolicies, peerOrgSpec, sansFor, type NetworkModel, type OrgModel } from '@dec/network';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { run } from '../exec';
import { bin } from '../paths';
import { UserFacingError } from '../progress';
import { privateKeysIn } from './foreign-keys';

export interface OrgCrypto {
  /** The org's private crypto: stays on its host. */
  cryptoDir: string;
  /** The public MSP definition: msp/ folder and <MSP>.json. */
  publicDir: string;
  orgJson: string;
}

function findOrg(model: NetworkModel, target: string): OrgModel {
  const org = model.orgs.find((o) => o.spec.name === target || o.spec.mspId === target);
  if (!org) throw new UserFacingError(`no org named ${target} in the topology`, `name one of ${model.orgs.map((o) => o.spec.mspId).join(', ')}`);
  return org;
}

export async function makeOrgCrypto(model: NetworkModel, target: string, outDir: string): Promise<OrgCrypto> {
  const org = findOrg(model, target);
  const dir = path.resolve(outDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const configFile = path.join(dir, 'crypto-config.yaml');
  writeFileSync(configFile, stringify({ PeerOrgs: [peerOrgSpec(org.spec.name, org.domain, org.spec.peers, sansFor(org.host))] }));
  const cryptoDir = path.join(dir, 'crypto');
  await run(bin('cryptogen'), ['generate', `--config=${configFile}`, `--output=${cryptoDir}`]);

  const orgDir = path.join(cryptoDir, 'peerOrganizations', org.domain);
  const publicDir = path.join(dir, 'public');
  cpSync(path.join(orgDir, 'msp'), path.join(publicDir, 'msp'), { recursive: true });
  const anchor = org.peers[0];
  const configtx = {
    Organizations: [{
      Name: org.spec.mspId,
      ID: org.spec.mspId,
      MSPDir: path.join(publicDir, 'msp'),
      Policies: orgPolicies(org.spec.mspId),
      AnchorPeers: anchor ? [{ Host: anchor.host.address, Port: anchor.port }] : [],
    }],
  };
  const configtxDir = path.join(dir, 'configtx');
  mkdirSync(configtxDir, { recursive: true });
  writeFileSync(path.join(configtxDir, 'configtx.yaml'), stringify(configtx));
  const printed = await run(bin('configtxgen'), ['-configPath', configtxDir, '-printOrg', org.spec.mspId]);
  const orgJson = path.join(publicDir, `${org.spec.mspId}.json`);
  writeFileSync(orgJson, printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1));
  const leaked = privateKeysIn(publicDir);
  if (leaked.length > 0) throw new Error(`refusing to export: private keys in ${publicDir}: ${leaked.map((k) => k.file).join(', ')}`);
  return { cryptoDir: orgDir, publicDir, orgJson };
}
