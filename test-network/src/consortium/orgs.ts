/**
 * Which org a command acts for: an org of the running consortium (its admin's
 * material in the run folder), or a joining org described by a fragment in
 * network/orgs/ (its material in its own folder). Each command uses only the
 * named org's admin: one command, one admin, as on that admin's own host.
 */
import { orgByMsp, REPO_ROOT, type NetworkModel, type OrgModel } from '@dec/network';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { currentModel } from '../network';
import { readState } from '../state';
import { UserFacingError } from '../progress';
import { joiningOrg, type JoiningOrg } from './joining-org';

export const FRAGMENTS_DIR = path.join(REPO_ROOT, 'network', 'orgs');

export interface Acting {
  model: NetworkModel;
  org: OrgModel;
  joining?: JoiningOrg;
}

export function consortium(): NetworkModel {
  return currentModel().model;
}

/** The fragment file defining `mspId`, if one does. */
export function fragmentFor(mspId: string): string | undefined {
  if (!existsSync(FRAGMENTS_DIR)) return undefined;
  return readdirSync(FRAGMENTS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(FRAGMENTS_DIR, f))
    .find((f) => (parse(readFileSync(f, 'utf8')) as { mspId?: unknown }).mspId === mspId);
}

export function acting(mspId: string): Acting {
  const model = consortium();
  if (model.orgs.some((o) => o.spec.mspId === mspId)) return { model, org: orgByMsp(model, mspId) };
  const fragment = fragmentFor(mspId);
  if (!fragment) {
    throw new UserFacingError(`unknown org ${mspId}`, `name a topology org (${model.orgs.map((o) => o.spec.mspId).join(', ')}) or one defined in ${FRAGMENTS_DIR}`);
  }
  const joining = joiningOrg(model, fragment);
  return { model: joining.model, org: joining.org, joining };
}

/** The package an org of the consortium installed for `chaincode` when the network deployed it. */
export function deployedPackage(chaincode: string, mspId: string): { packageId: string; version: string } {
  const deployed = readState()?.chaincodes[chaincode];
  const packageId = deployed?.packageIds[mspId];
  if (!deployed || packageId === undefined) throw new UserFacingError(`${mspId} has no installed package for ${chaincode}`, 'deploy the chaincode first (npm run network:up)');
  return { packageId, version: deployed.version };
}
