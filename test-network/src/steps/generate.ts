/** Generates everything from the topology: crypto material, configtx, channel blocks, profiles, gateway config. */
import {
  configtxYaml,
  connectionProfile,
  cryptoConfigYaml,
  gatewayConfig,
  type NetworkModel,
} from '@dec/network';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../exec';
import { bin, runPath } from '../paths';
import { say } from '../progress';

export const GATEWAY_CONFIG_FILE = runPath('gateway', 'network.json');
export const profilePath = (orgName: string): string => runPath('profiles', `${orgName}.json`);

export async function generateCrypto(model: NetworkModel): Promise<void> {
  const file = runPath('config', 'crypto-config.yaml');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, cryptoConfigYaml(model));
  await run(bin('cryptogen'), ['generate', `--config=${file}`, `--output=${model.cryptoDir}`]);
  say(`crypto material for ${model.orgs.length} orgs and ${model.ordererOrg.nodes.length} orderers in ${path.relative(process.cwd(), model.cryptoDir)}`);
}

export async function generateChannelBlocks(model: NetworkModel): Promise<void> {
  const dir = runPath('config');
  writeFileSync(path.join(dir, 'configtx.yaml'), configtxYaml(model));
  mkdirSync(runPath('channels'), { recursive: true });
  for (const channel of model.topology.channels) {
    await run(bin('configtxgen'), ['-configPath', dir, '-profile', channel.name, '-channelID', channel.name, '-outputBlock', model.channelBlock(channel.name)]);
    say(`genesis block of channel ${channel.name} (${channel.orgs.join(', ')})`);
  }
}

/** Registrar secrets for the org CAs: random per network, never in git. */
export function generateCaSecrets(model: NetworkModel): void {
  // The gateway config names each org's registrar secret file.
  for (const cfg of gatewayConfig(model, '').orgs) {
    mkdirSync(path.dirname(cfg.ca.registrarSecretPath), { recursive: true });
    writeFileSync(cfg.ca.registrarSecretPath, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
}

export function writeClientConfig(model: NetworkModel, topologyFile: string): void {
  for (const org of model.orgs) {
    const file = profilePath(org.spec.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(connectionProfile(model, org), null, 2));
  }
  mkdirSync(path.dirname(GATEWAY_CONFIG_FILE), { recursive: true });
  writeFileSync(GATEWAY_CONFIG_FILE, JSON.stringify(gatewayConfig(model, topologyFile), null, 2));
  say(`connection profiles in ${path.relative(process.cwd(), runPath('profiles'))}, gateway config ${path.relative(process.cwd(), GATEWAY_CONFIG_FILE)}`);
}
