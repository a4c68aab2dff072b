/**
 * A client's view of the consortium: the org/identity config the test network
 * generates from the topology (`.run/gateway/network.json`, or DEC_GATEWAY_CONFIG).
 */
import type { GatewayNetworkConfig, GatewayOrg } from '@dec/network';
import { REPO_ROOT } from '@dec/network';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_GATEWAY_CONFIG = path.join(REPO_ROOT, '.run', 'gateway', 'network.json');

export function loadGatewayConfig(file = process.env.DEC_GATEWAY_CONFIG ?? DEFAULT_GATEWAY_CONFIG): GatewayNetworkConfig {
  if (!existsSync(file)) throw new Error(`no gateway config at ${file}: start the network first (npm start)`);
  return JSON.parse(readFileSync(file, 'utf8')) as GatewayNetworkConfig;
}

export function findOrg(config: GatewayNetworkConfig, mspId: string): GatewayOrg {
  const org = config.orgs.find((o) => o.mspId === mspId);
  if (!org) throw new Error(`unknown org ${mspId}`);
  return org;
}
