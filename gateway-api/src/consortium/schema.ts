/** The consortium view's response: what `GET /api/v1/consortium` answers, documented in the OpenAPI document. */
import { z } from '../openapi/zod';

const host = z.object({ name: z.string(), address: z.string() }).openapi('ConsortiumHost');
const health = z
  .enum(['ok', 'failing', 'unreachable'])
  .describe('the node\'s operations /healthz: ok (200), failing (503, with the failed checks in healthDetail), unreachable (no answer)');
const metricsState = z
  .enum(['ok', 'unauthorized', 'unreachable', 'error'])
  .describe('the node\'s operations /metrics: unauthorized when the node does not trust the gateway\'s client certificate (operations clientRootCAs)');
const height = z.number().int().min(0).nullable().describe('blocks on the channel; null when the metrics were not readable');

const peerChannel = z.object({ channel: z.string(), height }).openapi('ConsortiumPeerChannel');
const peer = z
  .object({
    name: z.string(),
    host: host,
    address: z.string().describe('host:port of its gRPC listener'),
    health,
    healthDetail: z.string().optional(),
    metrics: metricsState,
    channels: z.array(peerChannel),
  })
  .openapi('ConsortiumPeer');

const ordererChannel = z
  .object({
    channel: z.string(),
    height,
    isLeader: z.boolean().nullable().describe('consensus_etcdraft_is_leader'),
    participation: z.enum(['inactive', 'active', 'onboarding', 'failed']).nullable(),
    relation: z.enum(['consenter', 'follower']).nullable(),
  })
  .openapi('ConsortiumOrdererChannel');
const orderer = z
  .object({ name: z.string(), host, address: z.string(), health, healthDetail: z.string().optional(), metrics: metricsState, channels: z.array(ordererChannel) })
  .openapi('ConsortiumOrderer');

const org = z.object({ mspId: z.string(), name: z.string(), description: z.string(), host, peers: z.array(peer) }).openapi('ConsortiumOrg');
const channel = z
  .object({
    name: z.string(),
    orgs: z.array(z.string()),
    leader: z.string().nullable().describe('the orderer that reports itself Raft leader; null when none does (no quorum, or metrics unreadable)'),
    height: z.number().int().min(0).nullable().describe('the highest height any node reports'),
  })
  .openapi('ConsortiumChannel');

export const consortiumBody = z
  .object({
    observedAt: z.iso.datetime(),
    hosts: z.array(host),
    orgs: z.array(org),
    orderers: z.object({ mspId: z.string(), nodes: z.array(orderer) }),
    channels: z.array(channel),
  })
  .openapi('Consortium');

export type ConsortiumBody = z.infer<typeof consortiumBody>;
export type PeerStatus = z.infer<typeof peer>;
export type OrdererStatus = z.infer<typeof orderer>;
export type Health = z.infer<typeof health>;
export type MetricsState = z.infer<typeof metricsState>;
