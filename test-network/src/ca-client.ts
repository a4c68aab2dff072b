/**
 * Registers and enrolls users at an org's Fabric CA: the path an org admin
 * takes to give someone an identity with attributes (role, eid) that chaincode
 * reads from the certificate. Through the CA's REST API (@dec/fabric-client):
 * a random one-time enrollment secret, and no secret on any command line.
 */
import { registerAndEnrollUser } from '@dec/fabric-client';
import type { GatewayOrg } from '@dec/network';
import { runPath } from './paths';

export interface EnrolledUser {
  mspId: string;
  enrollmentId: string;
  certificate: string;
  privateKey: string;
}

/**
 * Registers `enrollmentId` (type client, affiliation <org>.users) with the given
 * attributes put into the enrollment certificate, then enrolls it; the MSP
 * folder is kept under .run/ca-clients/<org>/<id>.
 */
export async function registerAndEnroll(org: GatewayOrg, enrollmentId: string, attributes: Record<string, string> = {}): Promise<EnrolledUser> {
  const enrolled = await registerAndEnrollUser(org, enrollmentId, attributes, runPath('ca-clients'));
  return { mspId: org.mspId, enrollmentId, ...enrolled };
}
