/** Identities: org admins register, enroll and revoke their org's API users at the org's Fabric CA. */
import { z } from '../openapi/zod';
import { ATTRIBUTE_NAME } from '../auth/identities';
import { requestedRoles, requireRoleGrants, ROLE_GRANT_RULE } from '../auth/role-grants';
import { route, type AnyRoute } from '../http/route';
import type { Services } from '../services';

const enrollmentId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/, 'must be 1-64 characters of A-Z a-z 0-9 _ . @ - (starting with a letter or digit)');
const attributes = z
  .record(z.string().regex(ATTRIBUTE_NAME, 'attribute names are letters, digits, _ . - and must not start with hf.'), z.string().min(1).max(256))
  .refine((a) => Object.keys(a).length <= 20, 'at most 20 attributes')
  .meta({ maxProperties: 20 });

export const identity = z
  .object({
    id: z.string(),
    mspId: z.string(),
    enrollmentId: z.string(),
    apiRole: z.enum(['admin', 'user']),
    attributes: z.record(z.string(), z.string()).describe('CA attributes in the certificate (e.g. role, eid)'),
    certificate: z.string().optional(),
    status: z.enum(['registered', 'active', 'revoked']),
    createdAt: z.string(),
    revokedAt: z.string().optional(),
  })
  .openapi('Identity');

const revokedIdentity = identity
  .extend({
    crl: z
      .object({
        channels: z.array(
          z.object({
            channel: z.string(),
            status: z.enum(['applied', 'unchanged', 'failed']).describe("applied: the org's peer has committed the CRL in the org's channel MSP; unchanged: it was already there; failed: see error (publish it with `consortium propose-crl`)"),
            dropped: z.array(z.string()).optional().describe('serials the previous CRL named and this one does not (expired certificates)'),
            error: z.string().optional(),
          }),
        ),
      })
      .optional()
      .describe("Where the CA's new CRL is in effect: the gateway puts it into the org's MSP on each of the org's channels, signed by the org's channel admin. Absent when the identity was never enrolled (no certificate to revoke)."),
  })
  .openapi('RevokedIdentity');

const registerBody = z
  .object({
    enrollmentId,
    apiRole: z.enum(['admin', 'user']).default('user').describe('admin: may manage identities of the org'),
    role: z.string().min(1).max(64).optional().describe('CA attribute `role` (e.g. lessor-officer, bank-officer, supplier, regulator)'),
    eid: z.string().regex(/^[A-Za-z0-9_.@-]{1,128}$/).optional().describe('CA attribute `eid`'),
    attributes: attributes.default({}).describe('Further CA attributes, put in the certificate'),
    enroll: z.boolean().default(true).describe('Enroll now and return an API key; false returns the enrollment secret instead'),
  })
  .openapi('RegisterIdentity');

const registered = z
  .object({
    identity,
    apiKey: z.string().optional().describe('Shown once: send as `Authorization: Bearer <apiKey>`'),
    enrollmentSecret: z.string().optional().describe('Shown once, when enroll is false'),
  })
  .openapi('RegisteredIdentity');

const enrolled = z.object({ identity, apiKey: z.string() }).openapi('EnrolledIdentity');
const byId = z.object({ enrollmentId });
const ADMIN_ERRORS = ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'RATE_LIMITED', 'CA_ERROR', 'NETWORK_UNAVAILABLE'] as const;

export function identityRoutes(services: Services): AnyRoute[] {
  const ids = services.identities;
  return [
    route<unknown, unknown, z.infer<typeof registerBody>>({
      method: 'post',
      path: '/api/v1/identities',
      operationId: 'registerIdentity',
      summary: 'Register a user of the caller\'s org at the org\'s Fabric CA (and enroll it)',
      description:
        'Org admins only. The CA registration is signed by the admin\'s own CA identity; attributes go into the certificate. ' +
        `Platform roles (as \`role\` or \`attributes.role\`) only from an admin of an MSP the energy chaincode accepts them from: ${ROLE_GRANT_RULE}; ` +
        'otherwise 403 naming the field, and nothing is registered.',
      tags: ['identities'],
      auth: 'admin',
      request: { body: registerBody },
      responses: { 201: { description: 'Registered', schema: registered } },
      errors: [...ADMIN_ERRORS, 'DUPLICATE'],
      handler: async ({ body, caller }) => {
        requireRoleGrants(caller.mspId, requestedRoles(body));
        const attrs = { ...body.attributes, ...(body.role ? { role: body.role } : {}), ...(body.eid ? { eid: body.eid } : {}) };
        const out = await ids.register(caller, { enrollmentId: body.enrollmentId, apiRole: body.apiRole, attributes: attrs, enroll: body.enroll });
        return { status: 201, body: out };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/identities',
      operationId: 'listIdentities',
      summary: 'Identities of the caller\'s org',
      tags: ['identities'],
      auth: 'admin',
      responses: { 200: { description: 'Identities', schema: z.object({ identities: z.array(identity) }) } },
      errors: [...ADMIN_ERRORS],
      handler: ({ caller }) => Promise.resolve({ status: 200, body: { identities: ids.list(caller.mspId) } }),
    }),
    route({
      method: 'get',
      path: '/api/v1/identities/me',
      operationId: 'whoAmI',
      summary: 'The caller\'s own identity',
      tags: ['identities'],
      auth: 'user',
      responses: { 200: { description: 'The caller', schema: identity } },
      errors: ['UNAUTHENTICATED', 'RATE_LIMITED'],
      handler: ({ caller }) => Promise.resolve({ status: 200, body: ids.get(caller.mspId, caller.enrollmentId) }),
    }),
    route<z.infer<typeof byId>>({
      method: 'get',
      path: '/api/v1/identities/{enrollmentId}',
      operationId: 'getIdentity',
      summary: 'One identity of the caller\'s org',
      tags: ['identities'],
      auth: 'admin',
      request: { params: byId },
      responses: { 200: { description: 'The identity', schema: identity } },
      errors: [...ADMIN_ERRORS, 'NOT_FOUND'],
      handler: ({ params, caller }) => Promise.resolve({
        status: 200,
        body: ids.get(caller.mspId, params.enrollmentId),
      }),
    }),
    route<z.infer<typeof byId>, unknown, { secret: string }>({
      method: 'post',
      path: '/api/v1/identities/{enrollmentId}/enroll',
      operationId: 'enrollIdentity',
      summary: 'Enroll a registered identity with its enrollment secret (new key pair, new API key)',
      tags: ['identities'],
      auth: 'admin',
      request: { params: byId, body: z.object({ secret: z.string().min(1).max(256) }) },
      responses: { 200: { description: 'Enrolled', schema: enrolled } },
      errors: [...ADMIN_ERRORS, 'NOT_FOUND', 'CONFLICT'],
      handler: async ({ params, body, caller }) => {
        const out = await ids.enroll(caller.mspId, params.enrollmentId, body.secret);
        services.sessions.forget(out.identity.id);
        return { status: 200, body: out };
      },
    }),
    route<z.infer<typeof byId>, unknown, { reason: string }>({
      method: 'post',
      path: '/api/v1/identities/{enrollmentId}/revoke',
      operationId: 'revokeIdentity',
      summary: "Revoke an identity at the CA, disable its API keys and put the CA's new CRL into the org's MSP on every channel of the org",
      tags: ['identities'],
      auth: 'admin',
      request: {
        params: byId,
        body: z.object({
          reason: z
            .enum(['unspecified', 'keycompromise', 'affiliationchange', 'superseded', 'cessationofoperation', 'certificatehold', 'privilegewithdrawn'])
            .default('unspecified'),
        }),
      },
      responses: { 200: { description: 'Revoked; `crl.channels` says where the peers now refuse the certificate', schema: revokedIdentity } },
      errors: [...ADMIN_ERRORS, 'NOT_FOUND', 'CONFLICT'],
      handler: async ({ params, body, caller }) => {
        const out = await ids.revoke(caller, params.enrollmentId, body.reason);
        services.sessions.forget(out.id);
        return { status: 200, body: out };
      },
    }),
  ];
}
