/**
 * Fabric Gateway connections. One gRPC connection per peer is shared by every
 * Gateway opened on it (one per caller identity), as fabric-gateway recommends.
 */
import * as grpc from '@grpc/grpc-js';
import { connect, hash, type Gateway, type Identity, type Signer } from '@hyperledger/fabric-gateway';
import type { GatewayOrg, GatewayPeer } from '@dec/network';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { newMessageSigner } from './signer';

export interface SigningIdentity {
  identity: Identity;
  /** Signs whole messages (it hashes them itself): see signer.ts. */
  signer: Signer;
}

export function peerClient(peer: GatewayPeer): grpc.Client {
  const credentials = grpc.credentials.createSsl(readFileSync(peer.tlsRootCertPath));
  return new grpc.Client(peer.endpoint, credentials, { 'grpc.ssl_target_name_override': peer.hostAlias });
}

export function signingIdentity(mspId: string, certificatePem: string | Buffer, privateKeyPem: string | Buffer): SigningIdentity {
  return {
    identity: { mspId, credentials: Buffer.from(certificatePem) },
    signer: newMessageSigner(createPrivateKey(privateKeyPem)),
  };
}

/** The org admin identity generated for the network (used to register API users). */
export function orgAdminIdentity(org: GatewayOrg): SigningIdentity {
  return signingIdentity(org.mspId, readFileSync(org.admin.certPath), readFileSync(org.admin.keyPath));
}

export function openGateway(client: grpc.Client, id: SigningIdentity): Gateway {
  return connect({
    client,
    identity: id.identity,
    signer: id.signer,
    // The signer hashes the message itself (native SHA-256 + ECDSA).
    hash: hash.none,
    evaluateOptions: () => ({ deadline: Date.now() + 10_000 }),
    endorseOptions: () => ({ deadline: Date.now() + 30_000 }),
    // Long enough for the gateway to fail over to another orderer during a Raft re-election.
    submitOptions: () => ({ deadline: Date.now() + 30_000 }),
    commitStatusOptions: () => ({ deadline: Date.now() + 60_000 }),
  });
}
