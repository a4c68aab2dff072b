/** Raft orderers, joined to every channel through the channel participation API. */
import { endpoint, type NetworkModel, type OrdererNode } from '@dec/network';
import { mkdirSync } from 'node:fs';
import { ordererEnv } from '../env';
import { run } from '../exec';
import { bin } from '../paths';
import { start, type ProcessRecord, type StartSpec } from '../processes';

/** Where the orderer answers and how its health is checked (the same with or without hosts). */
export function ordererEndpoints(node: OrdererNode): Pick<StartSpec, 'ports' | 'health' | 'address'> {
  return {
    ports: { grpc: node.port, admin: node.adminPort, operations: node.operationsPort },
    health: { url: `https://${endpoint(node, node.operationsPort)}/healthz`, ca: node.tls.ca },
    address: node.host.address,
  };
}

export function startOrderer(model: NetworkModel, node: OrdererNode): ProcessRecord {
  mkdirSync(node.dataDir, { recursive: true });
  return start({ name: node.id, kind: 'orderer', command: bin('orderer'), args: [], env: ordererEnv(model, node), ...ordererEndpoints(node) });
}

function osnadmin(model: NetworkModel, node: OrdererNode, args: string[]): Promise<string> {
  const admin = model.ordererOrg.admin.tls;
  return run(bin('osnadmin'), [
    'channel',
    ...args,
    '-o',
    endpoint(node, node.adminPort),
    '--ca-file',
    node.tls.ca,
    '--client-cert',
    admin.cert,
    '--client-key',
    admin.key,
  ]);
}

/** How long a just-started orderer's admin listener may refuse connections after /healthz answers. */
const ADMIN_LISTENER_GRACE_MS = 30_000;

/** `osnadmin channel list`, retried while the admin listener is not yet accepting (a busy machine lags it). */
async function listChannels(model: NetworkModel, node: OrdererNode): Promise<string> {
  const deadline = Date.now() + ADMIN_LISTENER_GRACE_MS;
  for (;;) {
    try {
      return await osnadmin(model, node, ['list']);
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function joinOrderer(model: NetworkModel, node: OrdererNode, channel: string): Promise<void> {
  const listed = await listChannels(model, node);
  if (listed.includes(`"name": "${channel}"`)) return;
  await osnadmin(model, node, ['join', '--channelID', channel, '--config-block', model.channelBlock(channel)]);
}

/** Channel info as the orderer sees it: height and consensus relation. */
export async function ordererChannelInfo(model: NetworkModel, node: OrdererNode, channel: string): Promise<{ height: number; status: string; consensusRelation: string }> {
  const out = await osnadmin(model, node, ['list', '--channelID', channel]);
  const json = JSON.parse(out.slice(out.indexOf('{'))) as { height: number; status: string; consensusRelation: string };
  return json;
}
