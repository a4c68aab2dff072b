/**
 * Issue 13 ("also broken") on the real network: every paged query of the
 * energy chaincode answers when `pageSize` and `bookmark` are omitted, also
 * on an empty page, which a real peer answers with no pagination metadata at
 * all (that crashed six queries with "Cannot read properties of undefined
 * (reading 'bookmark')"). The queries are taken from the gateway's OpenAPI
 * document, which is generated from the chaincode's transaction map: every
 * energy operation whose request has a `bookmark` is a paged query.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@dec/network';
import { ActorPool, createParticipants, enrollOperator, ensureGenesis, failure, runId, type Actor } from '../index';

interface Operation {
  operationId?: string;
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown>; required?: string[] } } } };
}

interface PagedQuery {
  name: string;
  required: string[];
}

/** The operation as a paged energy query, if it is one (its request has a `bookmark`). */
function asPagedQuery(op: Operation): PagedQuery | undefined {
  const schema = op.requestBody?.content['application/json'].schema;
  const m = /^energy_([a-z]+)_([A-Za-z]+)$/.exec(op.operationId ?? '');
  if (!m || !schema?.properties || !('bookmark' in schema.properties)) return undefined;
  return { name: `${m[1] ?? ''}:${m[2] ?? ''}`, required: schema.required ?? [] };
}

/** Wire name and required fields of every paged energy query in the OpenAPI document. */
function pagedQueries(): PagedQuery[] {
  const doc = JSON.parse(readFileSync(path.join(REPO_ROOT, 'gateway-api', 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  return Object.values(doc.paths).flatMap((ops) => Object.values(ops).map(asPagedQuery)).filter((q): q is PagedQuery => q !== undefined);
}

describe('energy paged queries with no paging fields (real network, issue 13)', function () {
  const pool = new ActorPool();
  let regulator: Actor;
  let samples: Record<string, unknown>;

  before(async function () {
    this.timeout(180_000);
    const operator = await enrollOperator(pool);
    regulator = await pool.enroll('RegulatorMSP', 'pager-auditor', { role: 'regulator' });
    await ensureGenesis(operator);
    const [p] = await createParticipants(pool, operator, 1, { name: `pager${runId()}-`, orgs: ['BankMSP'] });
    const eid = p?.eid ?? '';
    // Chosen so that the pages are empty: the case a peer answers without metadata.
    samples = { role: 'fundraiser', ownerEid: eid, account: eid, asset: 'DEC', meter: `eid:d:${'0'.repeat(32)}`, zone: `EMPTY-${runId()}`, slot: '2026-01-01T00:00:00.000Z', eid, ppaId: `ppa:${'0'.repeat(32)}`, latE6: 0, lonE6: 0, projectId: `proj:${'0'.repeat(32)}`, holder: eid, category: 'pv-panels', party: eid, side: 'buyer', electionId: `election:${'0'.repeat(32)}`, roundId: `round:${'0'.repeat(32)}`, provider: eid };
  });
  after(() => {
    pool.close();
  });

  it('every paged query answers a page (or a coded refusal), never a crash', async function () {
    this.timeout(120_000);
    const queries = pagedQueries();
    expect(queries.map((q) => q.name)).to.include.members(['identity:ListByRole', 'identity:ListDevices', 'metering:Anomalies', 'metering:Intervals', 'metering:MetersInZone', 'metering:Readings']);
    const outcomes: string[] = [];
    for (const q of queries) {
      const input = Object.fromEntries(q.required.map((f) => [f, samples[f]]));
      const answer = regulator.evaluate<{ items?: unknown; bookmark?: unknown }>('energy', q.name, input);
      const page = await answer.catch(() => undefined);
      if (page) outcomes.push(`${q.name}: ${Array.isArray(page.items) && typeof page.bookmark === 'string' ? 'page' : JSON.stringify(page)}`);
      else outcomes.push(`${q.name}: ${(await failure(answer)).replace(/^.*?(VALIDATION|ACCESS_DENIED|NOT_FOUND|CONFLICT):.*$/s, '$1')}`);
    }
    // A PPA that does not exist is NOT_FOUND before any page is read; every other query reads its (empty) page.
    expect(outcomes).to.deep.equal(queries.map((q) => `${q.name}: ${q.name === 'market:PpaSettlements' ? 'NOT_FOUND' : 'page'}`));
  });
});
