/**
 * Restarts the processes of one host that are not running (after a crash or
 * a kill -9), from the host's folder, as they ran before: the same chaincode
 * package for its chaincode servers. Unlike `up`, it never redeploys chaincode,
 * so a fault test restarts exactly what it killed.
 */
import type { HostSpec, NetworkModel } from '@dec/network';
import { healthy, portOpen, waitFor } from '../health';
import { isAlive, record, type ProcessRecord } from '../processes';
import { readState } from '../state';
import { hostPart } from './layout';
import { startersFor } from './launch';

async function answering(r: ProcessRecord): Promise<boolean> {
  if (r.health) return healthy(r.health);
  const port = Object.values(r.ports)[0];
  return port !== undefined && portOpen(port, r.address);
}

function packageIdOf(model: NetworkModel, serverId: string): { server: NetworkModel['chaincodeServers'][number]; packageId: string } | undefined {
  const server = model.chaincodeServers.find((s) => s.id === serverId);
  const packageId = server ? readState()?.chaincodes[server.chaincode.name]?.packageIds[server.org.mspId] : undefined;
  return server && packageId !== undefined ? { server, packageId } : undefined;
}

function starts(model: NetworkModel, host: HostSpec): { id: string; start: () => ProcessRecord }[] {
  const part = hostPart(model, host);
  const s = startersFor(model);
  const mine = new Set(part.orgs.map((o) => o.spec.mspId));
  return [
    ...part.orgs.map((o) => ({ id: o.ca.id, start: () => s.ca(o) })),
    ...part.orderers.map((n) => ({ id: n.id, start: () => s.orderer(n) })),
    ...part.orgs.flatMap((o) => o.peers.map((p) => ({ id: p.id, start: () => s.peer(p) }))),
    ...model.chaincodeServers.filter((cs) => mine.has(cs.org.mspId)).flatMap((cs) => {
      const found = packageIdOf(model, cs.id);
      return found ? [{ id: cs.id, start: () => s.chaincode(found.server, found.packageId) }] : [];
    }),
  ];
}

/** Starts, in order, every process of the host that is not alive, and waits until each answers; returns their names. */
export async function restartHost(model: NetworkModel, host: HostSpec, timeoutMs = 90_000): Promise<string[]> {
  const restarted: string[] = [];
  for (const { id, start } of starts(model, host)) {
    const existing = record(id);
    if (existing && isAlive(existing)) continue;
    const r = start();
    await waitFor(id, () => answering(r), timeoutMs, `read its log: ${r.log}`);
    restarted.push(id);
  }
  return restarted;
}
