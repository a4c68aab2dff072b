/**
 * Each node's environment as a shell file of its host's bundle (`env/<id>.env`).
 * Paths are written against `${DEC_HOME}`, the folder the bundle is unpacked
 * in, so an org admin can put the bundle anywhere; run-node.sh sets DEC_HOME.
 */
import type { ChaincodeServer, NetworkModel, OrgModel } from '@dec/network';
import path from 'node:path';
import { ordererEnv, peerEnv } from '../env';
import { BUILDER_DIR, FABRIC_CONFIG, REPO_ROOT } from '../paths';
import { serverTls } from '../steps/chaincode';
import { modelAt, type HostPart } from './layout';

/** The bundle's own folder as it appears in generated paths, before `${DEC_HOME}` replaces it. */
const HOME_MARK = '/@DEC_HOME@';

function shellValue(value: string): string {
  const escaped = value.replace(/[\\"`$]/g, (c) => `\\${c}`);
  return `"${escaped
    .replaceAll(HOME_MARK, '${DEC_HOME}')
    .replaceAll(FABRIC_CONFIG, '${DEC_HOME}/fabric-config')
    .replaceAll(BUILDER_DIR, '${DEC_HOME}/builders/ccaas')}"`;
}

function envFile(kind: string, env: NodeJS.ProcessEnv, extra: Record<string, string> = {}): string {
  const lines = Object.entries(env)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${shellValue(v)}`);
  return [`# generated from the topology; paths are relative to DEC_HOME (run-node.sh sets it)`, `DEC_NODE_KIND=${kind}`, ...lines, ...Object.entries(extra).map(([k, v]) => `${k}=${v}`), ''].join('\n');
}

function chaincodeEnv(local: NetworkModel, server: ChaincodeServer, org: OrgModel): string {
  const tls = serverTls(local, org);
  const env = {
    CORE_PEER_LOCALMSPID: server.org.mspId,
    CORE_CHAINCODE_LOGGING_LEVEL: process.env.DEC_CHAINCODE_LOGGING ?? 'info',
    DEC_CHAINCODE_ADDRESS: `${server.host.address}:${server.port}`,
    DEC_CHAINCODE_TLS_CERT: tls.cert,
    DEC_CHAINCODE_TLS_KEY: tls.key,
    DEC_CHAINCODE_TLS_CLIENT_CA: tls.ca,
  };
  // The chaincode's code is the same for every org: where this host keeps its checkout.
  return envFile('chaincode', env, {
    DEC_CHAINCODE_DIR: `"\${DEC_CODE:-${REPO_ROOT}}/${server.chaincode.path}"`,
    DEC_FABRIC_SHIM: `"\${DEC_CODE:-${REPO_ROOT}}/node_modules/fabric-shim/cli.js"`,
  });
}

/** `env/<id>.env` for every node of the host, keyed by file name. */
export function nodeEnvFiles(model: NetworkModel, part: HostPart): Record<string, string> {
  const local = modelAt(model, HOME_MARK);
  const files: Record<string, string> = {};
  for (const org of part.orgs) {
    const localOrg = local.orgs.find((o) => o.spec.mspId === org.spec.mspId);
    if (!localOrg) continue;
    files[`${org.ca.id}.env`] = envFile('ca', {}, { DEC_CA_HOME: `"\${DEC_HOME}/${path.relative(model.runDir, org.ca.homeDir)}"` });
    for (const peer of localOrg.peers) files[`${peer.id}.env`] = envFile('peer', peerEnv(peer));
    for (const server of local.chaincodeServers.filter((s) => s.org.mspId === org.spec.mspId)) files[`${server.id}.env`] = chaincodeEnv(local, server, localOrg);
  }
  for (const node of local.ordererOrg.nodes.filter((n) => part.orderers.some((o) => o.id === n.id))) files[`${node.id}.env`] = envFile('orderer', ordererEnv(local, node));
  return files;
}
