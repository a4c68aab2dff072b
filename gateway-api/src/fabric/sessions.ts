/**
 * Fabric sessions for API callers: one gRPC connection per peer, shared by a
 * Gateway per caller identity (each signs with its own key). A caller always
 * goes through a peer of its own org, and only to channels its org is on.
 */
import type * as grpc from '@grpc/grpc-js';
import { openGateway, PeerClients, signingIdentity, type Gateway, type Network } from '@dec/fabric-client';
import type { GatewayNetworkConfig, GatewayOrg } from '@dec/network';
import type { Caller } from '../auth/identities';
import { ApiError } from '../http/errors';

export class FabricSessions {
  private readonly clients = new PeerClients();
  private readonly gateways = new Map<string, { gateway: Gateway; certificate: string }>();

  constructor(readonly config: GatewayNetworkConfig) {}

  org(mspId: string): GatewayOrg {
    const org = this.config.orgs.find((o) => o.mspId === mspId);
    if (!org) throw new ApiError('ACCESS_DENIED', `org ${mspId} is not part of this network`);
    return org;
  }

  client(org: GatewayOrg): grpc.Client {
    const peer = org.peers[0];
    if (!peer) throw new ApiError('NETWORK_UNAVAILABLE', `org ${org.mspId} has no peer`);
    return this.clients.get(peer);
  }

  gateway(caller: Caller): Gateway {
    const cached = this.gateways.get(caller.id);
    if (cached && cached.certificate === caller.certificate) return cached.gateway;
    cached?.gateway.close();
    const gateway = openGateway(this.client(this.org(caller.mspId)), signingIdentity(caller.mspId, caller.certificate, caller.privateKey()));
    this.gateways.set(caller.id, { gateway, certificate: caller.certificate });
    return gateway;
  }

  /** The channel, if the caller's org is a member (403 otherwise, before anything reaches Fabric). */
  network(caller: Caller, channel: string): Network {
    this.requireChannel(caller.mspId, channel);
    return this.gateway(caller).getNetwork(channel);
  }

  requireChannel(mspId: string, channel: string): void {
    const ch = this.config.channels.find((c) => c.name === channel);
    if (!ch) throw new ApiError('NOT_FOUND', `no channel ${channel}`);
    if (!ch.orgs.includes(mspId)) throw new ApiError('ACCESS_DENIED', `${mspId} is not a member of channel ${channel}`);
  }

  forget(identityId: string): void {
    this.gateways.get(identityId)?.gateway.close();
    this.gateways.delete(identityId);
  }

  close(): void {
    this.gateways.forEach((g) => {
      g.gateway.close();
    });
    this.gateways.clear();
    this.clients.close();
  }
}
