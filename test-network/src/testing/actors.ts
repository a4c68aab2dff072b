/**
 * Test actors: users enrolled at their org's Fabric CA with attributes (role,
 * eid), each with a Fabric Gateway through its own org's peer. Integration
 * tests of every chaincode use these instead of org admins, as real callers do.
 */
import type * as grpc from '@grpc/grpc-js';
import { findOrg, loadGatewayConfig, openGateway, peerClient, signingIdentity, submitTransaction, type Contract, type Gateway } from '@dec/gateway-api';
import type { GatewayNetworkConfig } from '@dec/network';
import { randomBytes } from 'node:crypto';
import { registerAndEnroll } from '../ca-client';

export interface Actor {
  mspId: string;
  enrollmentId: string;
  contract(channel: string, chaincode?: string): Contract;
  /** Submit and require a valid commit; returns the parsed JSON result. */
  submit<T = Record<string, unknown>>(channel: string, fn: string, input?: unknown, options?: { transient?: Record<string, unknown>; endorsingOrganizations?: string[] }): Promise<T>;
  evaluate<T = Record<string, unknown>>(channel: string, fn: string, input?: unknown): Promise<T>;
}

export function parse<T>(bytes: Uint8Array): T {
  const text = Buffer.from(bytes).toString('utf8');
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The chaincode's error as it reaches a client (endorsement error details, or the message); fails if `p` succeeds. */
export async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const details = (e as { details?: { message: string }[] }).details;
    return details && details.length > 0 ? details.map((d) => d.message).join(' | ') : String((e as Error).message);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A unique suffix per test run, so runs against a long-lived network never collide. */
export const runId = () => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

export class ActorPool {
  private configCache: GatewayNetworkConfig | undefined;

  /** Read on first use: suites construct pools before the root hook has brought the network up. */
  private get config(): GatewayNetworkConfig {
    this.configCache ??= loadGatewayConfig();
    return this.configCache;
  }
  private readonly clients = new Map<string, grpc.Client>();
  private readonly gateways: Gateway[] = [];

  /** Gateway through `viaMsp`'s peer (default: the actor's own org). */
  async enroll(mspId: string, name: string, attributes: Record<string, string>, viaMsp = mspId): Promise<Actor> {
    const org = findOrg(this.config, mspId);
    const user = await registerAndEnroll(org, `${name}-${runId()}`, attributes);
    const peer = findOrg(this.config, viaMsp).peers[0]!;
    let client = this.clients.get(peer.endpoint);
    if (!client) {
      client = peerClient(peer);
      this.clients.set(peer.endpoint, client);
    }
    const gateway = openGateway(client, signingIdentity(user.mspId, user.certificate, user.privateKey));
    this.gateways.push(gateway);
    const contract = (channel: string, chaincode = channel) => gateway.getNetwork(channel).getContract(chaincode);
    const args = (input: unknown) => (input === undefined ? [] : [typeof input === 'string' ? input : JSON.stringify(input)]);
    return {
      mspId,
      enrollmentId: user.enrollmentId,
      contract,
      async submit(channel, fn, input, options = {}) {
        const transientData = Object.fromEntries(Object.entries(options.transient ?? {}).map(([k, v]) => [k, JSON.stringify(v)]));
        const out = await submitTransaction(contract(channel), fn, {
          arguments: args(input),
          transientData,
          ...(options.endorsingOrganizations ? { endorsingOrganizations: options.endorsingOrganizations } : {}),
        });
        if (!out.status.successful) throw new Error(`${fn} ${out.transactionId} failed validation with code ${out.status.code}`);
        return parse(out.result);
      },
      async evaluate(channel, fn, input) {
        return parse(await contract(channel).evaluateTransaction(fn, ...args(input)));
      },
    };
  }

  close(): void {
    this.gateways.forEach((g) => g.close());
    this.clients.forEach((c) => c.close());
  }
}
