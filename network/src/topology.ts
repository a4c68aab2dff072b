/**
 * The topology file's schema and loader. Everything about the consortium that
 * other code needs comes from `loadTopology()`; nothing else reads the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const mspId = z.string().regex(/^[A-Za-z][A-Za-z0-9]*MSP$/, 'must look like NameMSP');
const dnsLabel = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case DNS label');
const duration = z.string().regex(/^\d+(ms|s)$/, 'must be a duration such as 250ms or 2s');
const byteSize = z.string().regex(/^\d+ (KB|MB)$/, 'must be a size such as 512 KB or 2 MB');

const collectionSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be alphanumeric'),
  members: z.array(mspId).min(1),
  requiredPeerCount: z.number().int().min(0).default(0),
  maxPeerCount: z.number().int().min(0).default(3),
  blockToLive: z.number().int().min(0).default(0),
  memberOnlyRead: z.boolean().default(true),
  memberOnlyWrite: z.boolean().default(true),
});

const endorsementSchema = z.union([
  z.object({ outOf: z.number().int().min(1) }).strict(),
  z.object({ signaturePolicy: z.string().min(1) }).strict(),
]);

const chaincodeSchema = z.object({
  name: dnsLabel,
  path: z.string().min(1),
  endorsement: endorsementSchema,
  collections: z.array(collectionSchema).default([]),
});

const channelSchema = z.object({
  name: dnsLabel,
  description: z.string().default(''),
  orgs: z.array(mspId).min(1),
  chaincodes: z.array(chaincodeSchema).default([]),
});

const orgSchema = z.object({
  mspId,
  name: dnsLabel,
  description: z.string().default(''),
  peers: z.number().int().min(1).max(8),
  /** The host (from `hosts:`) that runs this org's CA, peers and chaincode servers. */
  host: dnsLabel.optional(),
});

const ipv4 = z.string().regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/, 'must be an IPv4 address such as 10.77.0.11');

/** A machine of the consortium: its name (also a TLS SAN) and the address every process on it binds. */
const hostSchema = z.object({ name: dnsLabel, address: ipv4 }).strict();

/**
 * How the one-machine multi-host test network simulates the hosts: a bridge
 * (only inside this machine) in `subnet`, with `workstation` its address in the
 * root namespace (the operator's machine: tests, gateway, admin commands).
 */
const simulationSchema = z
  .object({
    bridge: z.string().regex(/^[a-z][a-z0-9-]{0,11}$/, 'must be an interface name of at most 12 characters'),
    prefixLength: z.number().int().min(8).max(30),
    workstation: ipv4,
  })
  .strict();

export const topologySchema = z
  .object({
    domain: z.string().regex(/^[a-z0-9.-]+$/),
    ports: z.object({ orgBase: z.number().int().min(1024), ordererBase: z.number().int().min(1024) }),
    orderer: z.object({
      mspId,
      name: dnsLabel,
      nodes: z.number().int().min(1).max(9),
      type: z.literal('etcdraft'),
      batchTimeout: duration,
      maxMessageCount: z.number().int().min(1),
      absoluteMaxBytes: byteSize,
      preferredMaxBytes: byteSize,
      /** With `hosts:`, the host of each orderer node, in node order. */
      hosts: z.array(dnsLabel).optional(),
    }),
    /** Without hosts everything runs on 127.0.0.1; with hosts every org and orderer names one. */
    hosts: z.array(hostSchema).default([]),
    /** The run folder, relative to the repository (default `.run`; DEC_RUN_DIR overrides). */
    runDir: z.string().regex(/^\.[a-z0-9-]+$/, 'must be a dot-folder name such as .run-hosts').optional(),
    simulation: simulationSchema.optional(),
    orgs: z.array(orgSchema).min(1),
    channels: z.array(channelSchema).min(1),
  })
  .superRefine((t, ctx) => {
    checkHosts(t, ctx);
    const known = new Set(t.orgs.map((o) => o.mspId));
    const unique = (values: string[], what: string, at: (string | number)[]) => {
      const seen = new Set<string>();
      for (const v of values) {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: at, message: `duplicate ${what} ${v}` });
        seen.add(v);
      }
    };
    unique(t.orgs.map((o) => o.mspId), 'mspId', ['orgs']);
    unique(t.orgs.map((o) => o.name), 'org name', ['orgs']);
    unique(t.channels.map((c) => c.name), 'channel', ['channels']);
    unique(t.channels.flatMap((c) => c.chaincodes.map((cc) => cc.name)), 'chaincode name', ['channels']);
    t.channels.forEach((ch, i) => {
      ch.orgs.forEach((m, j) => {
        if (!known.has(m)) ctx.addIssue({ code: 'custom', path: ['channels', i, 'orgs', j], message: `unknown org ${m}` });
      });
      ch.chaincodes.forEach((cc, k) => {
        if ('outOf' in cc.endorsement && cc.endorsement.outOf > ch.orgs.length) {
          ctx.addIssue({ code: 'custom', path: ['channels', i, 'chaincodes', k, 'endorsement'], message: `outOf exceeds the ${ch.orgs.length} channel members` });
        }
        cc.collections.forEach((col, l) => {
          col.members.forEach((m) => {
            if (!ch.orgs.includes(m)) {
              ctx.addIssue({ code: 'custom', path: ['channels', i, 'chaincodes', k, 'collections', l], message: `${m} is not a member of channel ${ch.name}` });
            }
          });
        });
      });
    });
  });

type RawTopology = Pick<z.infer<typeof topologySchema>, 'hosts' | 'orgs' | 'orderer' | 'simulation'>;

/** Hosts are all or nothing: each org and each orderer node on a declared host, addresses unique. */
function checkHosts(t: RawTopology, ctx: z.RefinementCtx): void {
  const issue = (at: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path: at, message });
  };
  const names = new Set(t.hosts.map((h) => h.name));
  if (names.size !== t.hosts.length) issue(['hosts'], 'duplicate host name');
  if (new Set(t.hosts.map((h) => h.address)).size !== t.hosts.length) issue(['hosts'], 'duplicate host address');
  if (t.hosts.length === 0) {
    t.orgs.forEach((o, i) => {
      if (o.host !== undefined) issue(['orgs', i, 'host'], `names host ${o.host} but the topology has no hosts:`);
    });
    if (t.orderer.hosts !== undefined) issue(['orderer', 'hosts'], 'given but the topology has no hosts:');
    if (t.simulation !== undefined) issue(['simulation'], 'given but the topology has no hosts:');
    return;
  }
  t.orgs.forEach((o, i) => {
    if (o.host === undefined || !names.has(o.host)) issue(['orgs', i, 'host'], o.host === undefined ? 'missing: every org needs a host when hosts: is given' : `unknown host ${o.host}`);
  });
  const ordererHosts = t.orderer.hosts ?? [];
  if (ordererHosts.length !== t.orderer.nodes) issue(['orderer', 'hosts'], `must name one host per orderer node (${t.orderer.nodes})`);
  ordererHosts.forEach((h, j) => {
    if (!names.has(h)) issue(['orderer', 'hosts', j], `unknown host ${h}`);
  });
  if (t.simulation && t.hosts.some((h) => h.address === t.simulation?.workstation)) issue(['simulation', 'workstation'], 'must differ from every host address');
}

export type Topology = z.infer<typeof topologySchema>;
export type HostSpec = Topology['hosts'][number];
export type OrgSpec = Topology['orgs'][number];
export type ChannelSpec = Topology['channels'][number];
export type ChaincodeSpec = ChannelSpec['chaincodes'][number];
export type CollectionSpec = ChaincodeSpec['collections'][number];

/** The repository root (this file is network/src/topology.ts or network/dist/topology.js). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_TOPOLOGY_FILE = path.join(REPO_ROOT, 'network', 'topology.yaml');

export function parseTopology(text: string, source = 'topology'): Topology {
  const result = topologySchema.safeParse(parse(text));
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`${source}: ${where}: ${issue?.message}. Fix the topology file and retry.`);
  }
  return result.data;
}

export function loadTopology(file = process.env.DEC_TOPOLOGY ?? DEFAULT_TOPOLOGY_FILE): Topology {
  return parseTopology(readFileSync(file, 'utf8'), file);
}
