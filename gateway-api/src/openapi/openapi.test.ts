/** The committed OpenAPI document is exactly what the routes generate. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { documentedRoutes } from '../routes/all';
import { OPENAPI_FILE, openApiDocument, openApiJson } from './document';

describe('OpenAPI document', () => {
  const routes = documentedRoutes();

  it('matches the committed gateway-api/openapi.json (run `npm run -w gateway-api openapi` after changing routes)', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    expect(committed === openApiJson(routes), 'gateway-api/openapi.json is stale: run `npx tsc -b gateway-api && npm run -w gateway-api openapi`').to.equal(true);
  });

  it('documents every route once, with a security requirement unless public', () => {
    const doc = openApiDocument(routes) as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
    for (const r of routes) {
      const op = doc.paths[r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[r.method];
      expect(op, `${r.method} ${r.path}`).to.not.equal(undefined);
      if (r.auth === 'public') expect(op!.security).to.deep.equal([]);
      else expect(op!.responses['401'], `${r.path} documents 401`).to.not.equal(undefined);
    }
    const ids = routes.map((r) => r.operationId);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('uses the chaincode\'s own input schema for a transaction body', () => {
    const doc = openApiDocument(routes) as { paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown>; required: string[] } } } } } }> };
    const schema = doc.paths['/api/v1/scf/leasing/apply']!.post.requestBody.content['application/json'].schema;
    expect(schema.required).to.include.members(['leaseId', 'stationId', 'equipment', 'supplier', 'amount']);
    const offer = doc.paths['/api/v1/scf/financing/offer']!.post.requestBody.content['application/json'].schema;
    expect(Object.keys(offer.properties)).to.deep.equal(['input', 'transient']);
  });
});
