/**
 * The gateway API against the real network, part 3: the regulator's ledger
 * reads (regulator orgs only) and the operations endpoints. Webhooks are in
 * api-webhooks.it.test.ts.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import type { ApiClient } from '../fixtures/api-client';
import { eventually, startApiWorld, type ApiWorld } from './api-world';

describe('gateway API: regulator and operations (real network)', function () {
  let world: ApiWorld | undefined;
  let run: string, anon: ApiClient, admin: Record<string, ApiClient>, lessorOfficer: ApiClient, regulator: ApiClient;

  before(async function () {
    this.timeout(120_000);
    world = await startApiWorld();
    ({ run, anon, admin, lessorOfficer, regulator } = world);
  });

  after(async () => {
    await world?.close();
  });

  describe('regulator endpoints', () => {
    let probe: { transactionId: string; blockNumber: string };
    before(async () => {
      probe = (await lessorOfficer.post('/api/v1/scf/network/probe', { note: `reg ${run}` })).body;
    });

    it('report channel info', async () => {
      const res = await regulator.get('/api/v1/ledger/scf');
      expect(res.status).to.equal(200);
      expect(BigInt(res.body.height) > BigInt(probe.blockNumber), 'height beyond the probe block').to.equal(true);
      expect(res.body.orgs).to.include('RegulatorMSP');
      expect(res.body.currentBlockHash).to.match(/^[0-9a-f]{64}$/);
    });

    it('decode a transaction by ID: chaincode, function, arguments, creator, endorsers, validation code', async () => {
      const tx = await eventually(() => regulator.get(`/api/v1/ledger/scf/transactions/${probe.transactionId}`), (r) => r.status === 200);
      expect(tx.body).to.include({ transactionId: probe.transactionId, function: 'network:Probe', validationCode: 'VALID', blockNumber: probe.blockNumber });
      expect(tx.body.chaincode.name).to.equal('scf');
      expect(tx.body.arguments).to.deep.equal([{ note: `reg ${run}` }]);
      expect(tx.body.creator.mspId).to.equal('LessorMSP');
      expect(tx.body.endorsers.length).to.be.at.least(2);
      expect(tx.body.event.name).to.equal('ProbeRecorded');
      // the probe reads and writes its org's probe record
      const scfKeys = tx.body.rwset.find((ns: { namespace: string }) => ns.namespace === 'scf');
      expect(scfKeys.reads).to.include('probe~LessorMSP');
      expect(scfKeys.writes).to.include('probe~LessorMSP');
    });

    it('decode a block by number', async () => {
      const block = await regulator.get(`/api/v1/ledger/scf/blocks/${probe.blockNumber}`);
      expect(block.status).to.equal(200);
      expect(block.body.number).to.equal(probe.blockNumber);
      expect(block.body.transactions.map((t: { transactionId: string }) => t.transactionId)).to.include(probe.transactionId);
    });

    it('list the history of a key', async () => {
      const res = await eventually(
        () => regulator.get('/api/v1/ledger/scf/history?objectType=probe&attributes=LessorMSP'),
        (r) => r.status === 200 && (r.body.history as { txId: string }[]).some((e) => e.txId === probe.transactionId),
      );
      expect(res.body.key).to.deep.equal({ objectType: 'probe', attributes: ['LessorMSP'] });
    });

    it('answer 404 for a missing block or transaction, 400 for bad input, 403 for non-regulators', async () => {
      expect((await regulator.get('/api/v1/ledger/scf/blocks/99999999')).status).to.equal(404);
      expect((await regulator.get(`/api/v1/ledger/scf/transactions/${'0'.repeat(64)}`)).status).to.equal(404);
      expect((await regulator.get('/api/v1/ledger/scf/transactions/xyz')).status).to.equal(400);
      expect((await regulator.get('/api/v1/ledger/scf/history')).status).to.equal(400);
      expect((await lessorOfficer.get('/api/v1/ledger/scf')).status).to.equal(403);
      expect((await admin.PlatformMSP!.get('/api/v1/ledger/scf')).status).to.equal(403);
    });

    it('refuse role=regulator outside a regulator org, and admins of other orgs, but serve the regulator org\'s admin', async () => {
      // Any org admin can write role=regulator into its own users' certificates; that must not open the ledger.
      const impostor = await world!.newUser('LessorMSP', 'fake-regulator', { role: 'regulator' });
      const refused = await impostor.get('/api/v1/ledger/scf');
      expect(refused.status).to.equal(403);
      expect(refused.body.error.code).to.equal('ACCESS_DENIED');
      expect((await impostor.get(`/api/v1/ledger/scf/transactions/${'0'.repeat(64)}`)).status).to.equal(403);
      expect((await admin.LessorMSP!.get('/api/v1/ledger/scf')).status).to.equal(403);
      expect((await admin.RegulatorMSP!.get('/api/v1/ledger/scf')).status).to.equal(200);
      expect((await regulator.get('/api/v1/ledger/scf')).status).to.equal(200);
    });
  });

  describe('operations', () => {
    it('report health, readiness and Prometheus metrics', async () => {
      expect((await anon.get('/healthz')).body).to.deep.equal({ status: 'ok' });
      const ready = await anon.get('/readyz');
      expect(ready.status).to.equal(200);
      expect(ready.body.checks.database).to.equal(true);
      const metrics = await anon.get('/metrics');
      expect(metrics.status).to.equal(200);
      expect(metrics.body).to.include('dec_api_submit_outcomes_total{outcome="VALID"}');
      expect(metrics.body).to.include('dec_api_http_request_duration_seconds_bucket');
      expect(metrics.body).to.include('dec_api_mvcc_conflicts_total');
    });

    it('send security headers and a request ID, serve the OpenAPI document and the docs page', async () => {
      const res = await anon.get('/openapi.json');
      expect(res.status).to.equal(200);
      expect(res.body.openapi).to.equal('3.0.3');
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('content-security-policy')).to.include("default-src 'self'");
      expect(res.headers.get('x-request-id')).to.match(/.+/);
      const docs = await anon.get('/docs');
      expect(docs.status).to.equal(200);
      expect(String(docs.body)).to.include('swagger-ui');
      expect((await anon.get('/docs/assets/swagger-ui-bundle.js')).status).to.equal(200);
    });

    it('refuse oversized bodies (413) and unknown routes (404)', async () => {
      const big = await lessorOfficer.post('/api/v1/scf/network/probe', { note: 'x'.repeat(300 * 1024) });
      expect(big.status).to.equal(413);
      expect(big.body.error.code).to.equal('PAYLOAD_TOO_LARGE');
      const none = await lessorOfficer.get('/api/v1/nothing');
      expect(none.status).to.equal(404);
      expect(none.body.error.code).to.equal('NOT_FOUND');
    });
  });
});
