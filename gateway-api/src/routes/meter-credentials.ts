/**
 * A meter's MQTT/TLS credentials, for its owner: part of registering a meter
 * (register the device, register it for metering, get its broker certificate).
 * The owner sends a certificate request made with the meter's own key; the
 * meter CA certifies it with CN = the meter's eID, which the broker makes the
 * meter's username and client ID (meter-ingestor README, "Meter credentials").
 */
import { z } from '../openapi/zod';
import { route, type AnyRoute } from '../http/route';
import { MeterCredentialService } from '../meters/meter-credentials';
import type { Services } from '../services';

const params = z.object({ eid: z.string().regex(/^eid:d:[0-9a-f]{32}$/, 'must be a device eID (eid:d:<32 hex>)').describe('The meter\'s device eID') });

const PEM_CSR = /^-----BEGIN CERTIFICATE REQUEST-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE REQUEST-----\s*$/;

const requestBody = z
  .strictObject({
    csr: z.string().max(4096).regex(PEM_CSR, 'must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)').describe('PKCS#10 request signed with the meter\'s MQTT key; subject exactly CN=<meter eID>'),
  })
  .openapi('MeterCredentialsRequest');

const issued = z
  .object({
    meter: z.string(),
    certificate: z.string().describe('PEM client certificate, CN = the meter\'s eID, for the broker\'s TLS listener'),
    caCertificate: z.string().describe('PEM certificate of the meter CA: the broker\'s certificate is checked against it'),
  })
  .openapi('MeterCredentials');

export function meterCredentialRoutes(services: Services): AnyRoute[] {
  const service = (): MeterCredentialService => new MeterCredentialService(services.transactions);
  return [
    route<z.infer<typeof params>, unknown, z.infer<typeof requestBody>>({
      method: 'post',
      path: '/api/v1/meters/{eid}/credentials',
      operationId: 'issueMeterCredentials',
      summary: 'Certify a meter\'s MQTT key: the broker certificate the meter connects with (owner only)',
      description:
        'The caller must be the active owner of the meter (checked on the ledger with the caller\'s own identity), and the meter in service (not decommissioned). The key stays with the owner: send a certificate request. Decommissioning the meter revokes its certificates.',
      tags: ['meters'],
      auth: 'user',
      request: { params, body: requestBody },
      responses: { 201: { description: 'The meter\'s certificate and the meter CA\'s certificate', schema: issued } },
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'NETWORK_UNAVAILABLE'],
      handler: async ({ params: p, body, caller }) => ({ status: 201, body: await service().issue(caller, p.eid, body.csr) }),
    }),
  ];
}
