/**
 * One gRPC connection per peer, shared by every Gateway opened on it (one per
 * caller identity), as fabric-gateway recommends.
 */
import type * as grpc from '@grpc/grpc-js';
import type { GatewayPeer } from '@dec/network';
import { peerClient } from './connection';

export class PeerClients {
  private readonly clients = new Map<string, grpc.Client>();

  /** The connection to `peer`, opened on first use. */
  get(peer: GatewayPeer): grpc.Client {
    let client = this.clients.get(peer.endpoint);
    if (!client) {
      client = peerClient(peer);
      this.clients.set(peer.endpoint, client);
    }
    return client;
  }

  close(): void {
    this.clients.forEach((c) => {
      c.close();
    });
    this.clients.clear();
  }
}
