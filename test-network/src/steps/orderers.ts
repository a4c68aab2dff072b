/** Raft orderers, joined to every channel through the channel participation API. */
import { LOOPBACK, type NetworkModel, type OrdererNode } from '@dec/network';
import { mkdirSync } from 'node:fs';
import { ordererEnv } from '../env';
import { run } from '../exec';
import { bin } from '../paths';
import { start, type ProcessRecord } from '../processes';

export function startOrderer(model: NetworkModel, node: OrdererNode): ProcessRecord {
  mkdirSync(node.dataDir, { recursive: true });
  return start({
    name: node.id,
    kind: 'orderer',
    command: bin('orderer'),
    args: [],
    env: ordererEnv(model, node),
    ports: { grpc: node.port, admin: node.adminPort, operations: node.operationsPort },
    health: { url: `https://${LOOPBACK}:${node.operationsPort}/healthz`, ca: node.tls.ca },
  });
}

function osnadmin(model: NetworkModel, node: OrdererNode, args: string[]): Promise<string> {
  const admin = model.ordererOrg.admin.tls;
  return run(bin('osnadmin'), [
    'channel',
    ...args,
    '-o',
    `${LOOPBACK}:${node.adminPort}`,
    '--ca-file',
    node.tls.ca,
    '--client-cert',
    admin.cert,
    '--client-key',
    admin.key,
  ]);
}

export async function joinOrderer(model: NetworkModel, node: OrdererNode, channel: string): Promise<void> {
  const listed = await osnadmin(model, node, ['list']);
  if (listed.includes(`"name": "${channel}"`)) return;
  await osnadmin(model, node, ['join', '--channelID', channel, '--config-block', model.channelBlock(channel)]);
}

/** Channel info as the orderer sees it: height and consensus relation. */
export async function ordererChannelInfo(model: NetworkModel, node: OrdererNode, channel: string): Promise<{ height: number; status: string; consensusRelation: string }> {
  const out = await osnadmin(model, node, ['list', '--channelID', channel]);
  const json = JSON.parse(out.slice(out.indexOf('{'))) as { height: number; status: string; consensusRelation: string };
  return json;
}
