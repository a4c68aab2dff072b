/**
 * Service identities for the ingestor and the simulator: users registered and
 * enrolled at their org's Fabric CA (with attributes such as `role=ingestor`
 * in the certificate, which chaincode checks), through the CA's REST API
 * (@dec/fabric-client: a random one-time secret, none on a command line). An
 * identity enrolled before (its MSP folder exists under
 * .run/ca-clients/<org>/<id>) is reused, so a restarted ingestor keeps its
 * certificate.
 */
import { enrolledHome, findOrg, loadGatewayConfig, openGateway, peerClient, readEnrolledFolder, registerAndEnrollUser, signingIdentity, type Contract, type Gateway } from '@dec/fabric-client';
import { REPO_ROOT } from '@dec/network';
import path from 'node:path';

export interface EnrolledIdentity {
  mspId: string;
  enrollmentId: string;
  certificate: string;
  privateKey: string;
}

const CLIENTS_DIR = path.join(process.env.DEC_RUN_DIR ?? path.join(REPO_ROOT, '.run'), 'ca-clients');

/** Registers (type client) and enrolls `enrollmentId` at `mspId`'s CA, or reuses an earlier enrollment. */
export async function enrollServiceIdentity(mspId: string, enrollmentId: string, attributes: Record<string, string>): Promise<EnrolledIdentity> {
  const org = findOrg(loadGatewayConfig(), mspId);
  const enrolled = readEnrolledFolder(enrolledHome(CLIENTS_DIR, org, enrollmentId)) ?? (await registerAndEnrollUser(org, enrollmentId, attributes, CLIENTS_DIR));
  return { mspId: org.mspId, enrollmentId, ...enrolled };
}

export interface OpenContract {
  contract: Contract;
  gateway: Gateway;
  client: ReturnType<typeof peerClient>;
  close(): void;
}

/** A gateway for `id` through a peer of `viaMsp` (default: the identity's own org), on the energy channel. */
export function openEnergyContract(id: EnrolledIdentity, viaMsp = id.mspId, channel = 'energy', chaincode = 'energy'): OpenContract {
  const peer = findOrg(loadGatewayConfig(), viaMsp).peers[0];
  if (!peer) throw new Error(`org ${viaMsp} has no peer`);
  const client = peerClient(peer);
  const gateway = openGateway(client, signingIdentity(id.mspId, id.certificate, id.privateKey));
  return {
    contract: gateway.getNetwork(channel).getContract(chaincode),
    gateway,
    client,
    close() {
      gateway.close();
      client.close();
    },
  };
}
