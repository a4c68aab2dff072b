/**
 * The OpenAPI 3 document, generated from the route definitions (the same
 * objects the app mounts). Committed as gateway-api/openapi.json; a unit test
 * fails when the routes and the committed document differ
 * (`npm run -w gateway-api openapi` regenerates it).
 */
import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import path from 'node:path';
import type { ZodType } from 'zod';
import { ERROR_STATUS, errorBody } from '../http/errors';
import type { AnyRoute } from '../http/route';
import { expressStringChecks, type Unexpressed } from './string-checks';
// Imported for its side effect: `.openapi()` is patched onto zod before any schema is built.
import './zod';

export const OPENAPI_FILE = path.join(__dirname, '..', '..', 'openapi.json');
export const API_VERSION = '1.0.0';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION): the message names the field',
  401: 'Missing, unknown or revoked API key (UNAUTHENTICATED)',
  403: 'The caller\'s org or role may not do this (ACCESS_DENIED)',
  404: 'Not found (NOT_FOUND)',
  409: 'Conflict: state does not allow it, MVCC conflict, duplicate, idempotency key in progress',
  413: 'Request body too large',
  422: 'A chaincode rule forbids it (RULE_VIOLATION), or the Idempotency-Key was used for another request',
  429: 'Rate limit of this identity exceeded',
  500: 'Internal error',
  502: 'The chaincode or the CA failed without a stable code',
  503: 'The Fabric network (or the CA) is unavailable or did not answer in time',
};

/** The responses a route declares, with their headers and bodies. */
function declaredResponses(r: AnyRoute): RouteConfig['responses'] {
  const responses: RouteConfig['responses'] = {};
  for (const [status, spec] of Object.entries(r.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.headers ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) } : {}),
      ...(spec.schema ? { content: { [spec.contentType ?? 'application/json']: { schema: spec.schema }, ...Object.fromEntries(Object.entries(spec.alternatives ?? {}).map(([type, schema]) => [type, { schema }])) } } : {}),
    };
  }
  return responses;
}

/** The route's responses plus one error response per status its error codes map to (and 413, 500). */
function responsesOf(r: AnyRoute): RouteConfig['responses'] {
  const responses = declaredResponses(r);
  const statuses = new Set<number>(r.errors.map((c) => ERROR_STATUS[c]));
  if (r.request?.body) statuses.add(413);
  statuses.add(500);
  for (const status of [...statuses].sort()) {
    if (responses[String(status)]) continue;
    const codes = r.errors.filter((c) => ERROR_STATUS[c] === status);
    responses[String(status)] = {
      description: `${ERROR_DESCRIPTIONS[status] ?? 'Error'}${codes.length > 0 ? `; codes: ${codes.join(', ')}` : ''}`,
      content: { 'application/json': { schema: errorBody } },
    };
  }
  return responses;
}

function requestOf(r: AnyRoute): RouteConfig['request'] {
  const req = r.request;
  return {
    ...(req?.params ? { params: req.params } : {}),
    ...(req?.query ? { query: req.query } : {}),
    ...(req?.headers ? { headers: req.headers } : {}),
    ...(req?.body ? { body: { required: true, content: { 'application/json': { schema: req.body } } } } : {}),
  };
}

/** The schemas of what a route takes in, by where they are. */
function requestSchemas(r: AnyRoute): [string, ZodType][] {
  const req = r.request ?? {};
  return (['params', 'query', 'headers', 'body'] as const).flatMap((where) => (req[where] ? [[where, req[where]] as [string, ZodType]] : []));
}

/**
 * States the string checks of every route's input in its OpenAPI metadata
 * (string-checks.ts); returns the refinements no schema can express, per operation.
 */
export function expressRouteChecks(routes: AnyRoute[]): (Unexpressed & { operationId: string })[] {
  return routes.flatMap((r) => requestSchemas(r).flatMap(([where, schema]) => expressStringChecks(schema, where).map((g) => ({ ...g, operationId: r.operationId }))));
}

export function openApiDocument(routes: AnyRoute[]): object {
  expressRouteChecks(routes);
  const registry = new OpenAPIRegistry();
  registry.register('Error', errorBody);
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'The API key issued at enrollment: `Authorization: Bearer dec_<id>_<secret>` (or the X-API-Key header)',
  });

  for (const r of routes) {
    registry.registerPath({
      method: r.method,
      path: r.path,
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      security: r.auth === 'public' ? [] : [{ [bearer.name]: [] }],
      request: requestOf(r),
      responses: responsesOf(r),
    });
  }

  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'DEC Network gateway API',
      version: API_VERSION,
      description:
        'REST + JSON over the DEC Network Fabric consortium. Every caller is its own Fabric identity, enrolled at its org\'s CA; ' +
        'the gateway signs with that identity only. Errors: `{error: {code, message, transactionId?}}` with stable codes.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
  });
}

export const openApiJson = (routes: AnyRoute[]): string => `${JSON.stringify(openApiDocument(routes), null, 2)}\n`;
