#!/usr/bin/env node
/**
 * Runs the collection relay until SIGINT/SIGTERM (beside the gateway API, as its own process):
 *
 *   dec-collection-relay --msp LessorMSP --cert user.pem --key user.key [--checkpoint .run/collection-relay.json]
 *
 * The identity is a lessor or bank officer (certificate attribute `role`), whose org's
 * peer holds both channels. The network must be up (`.run/gateway/network.json`).
 */
import { findOrg, loadGatewayConfig, openGateway, peerClient, signingIdentity } from '@dec/fabric-client';
import { REPO_ROOT } from '@dec/network';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCollectionRelay } from './collection-relay';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { msp: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, checkpoint: { type: 'string' } },
  });
  const { msp, cert, key } = values;
  if (!msp || !cert || !key) throw new Error('usage: dec-collection-relay --msp <MSP> --cert <pem> --key <pem> [--checkpoint <file>]');
  const peer = findOrg(loadGatewayConfig(), msp).peers[0];
  if (!peer) throw new Error(`${msp} has no peer`);
  const client = peerClient(peer);
  const gateway = openGateway(client, signingIdentity(msp, readFileSync(cert), readFileSync(key)));
  const log = (line: string): void => {
    process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  };
  const relay = await startCollectionRelay({
    energy: gateway.getNetwork('energy'),
    scf: gateway.getNetwork('scf').getContract('scf'),
    checkpointFile: path.resolve(values.checkpoint ?? path.join(REPO_ROOT, '.run', 'collection-relay.json')),
    log,
  });
  const stop = (): void => {
    relay.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await relay.done;
  gateway.close();
  client.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
