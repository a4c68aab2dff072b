/**
 * The OpenAPI document is as strict as the API: schemathesis, driven by the
 * `/openapi.json` the running gateway serves and an enrolled bank officer's key
 * (BankMSP is on both channels; the regulator routes answer it 403, their
 * access rules are tested in api-regulator.it.test.ts),
 * sends schema-valid and schema-invalid requests. Passing means no server
 * error, and no schema-valid request refused (400) for a reason other than
 * the checks no schema can express (INEXPRESSIBLE_CHECKS, listed in the
 * gateway README).
 *
 * Which operations: every chaincode evaluation (read-only), the regulator's
 * ledger reads, the caller's identity, receipts and checkpoints. Left out, so
 * the fuzzer writes nothing to the ledger and calls nowhere: submits (each
 * would be a committed transaction), webhook creation (it would make the
 * gateway call fuzzed URLs), identity administration (admin-only, writes at
 * the CA) and the event streams (they never end).
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHAINCODE_TABLES, INEXPRESSIBLE_CHECKS } from '@dec/gateway-api';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import { runSchemathesis, type Refusal } from './schemathesis-run';

const GATEWAY_OPERATIONS = ['whoAmI', 'getReceipt', 'getCheckpoint', 'acknowledgeCheckpoint', 'listWebhooks', 'listWebhookDeliveries', 'getChannelInfo', 'getBlock', 'getTransaction', 'getKeyHistory'];

function evaluationOperationIds(): string[] {
  return CHAINCODE_TABLES.flatMap((t) =>
    t.transactions.filter((tx) => tx.kind === 'evaluate').map((tx) => {
      const [contract, fn] = tx.name.split(':');
      return `${t.channel}_${contract ?? ''}_${fn ?? ''}`;
    }),
  );
}

/**
 * A refusal for a reason the document could have stated: anything but the checks no schema
 * can express (INEXPRESSIBLE_CHECKS). There is no allowance for known gaps: every refinement
 * a pattern or enum can express is stated in the document.
 */
const expressible = (r: Refusal): boolean => r.status !== 400 || r.messages.length === 0 || r.messages.some((m) => !INEXPRESSIBLE_CHECKS.includes(m));

describe('OpenAPI document vs the running API (schemathesis, real network)', function () {
  this.timeout(600_000);
  let world: ApiWorld | undefined;
  let workDir: string;

  before(async function () {
    this.timeout(120_000);
    world = await startApiWorld();
    workDir = mkdtempSync(path.join(tmpdir(), 'dec-schemathesis-'));
  });

  after(async () => {
    await world?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('finds no server error and no schema-valid request refused for an expressible reason', async () => {
    const summary = await runSchemathesis({
      url: world!.api.url,
      apiKey: world!.bankOfficer.key!,
      operationIds: [...evaluationOperationIds(), ...GATEWAY_OPERATIONS],
      maxExamples: Number(process.env.DEC_SCHEMATHESIS_EXAMPLES ?? 10),
      timeoutMs: 300_000,
      workDir,
    });
    const refused = summary.refusedValid.filter(expressible);
    const report = {
      operations: summary.operations,
      cases: summary.cases,
      failuresByCheck: summary.failuresByCheck,
      serverErrors: summary.serverErrors.slice(0, 10),
      refusedForExpressibleReasons: refused.slice(0, 20),
      refusedForInexpressibleReasons: summary.refusedValid.filter((r) => !expressible(r)).length,
    };
    process.stdout.write(`schemathesis: ${JSON.stringify(report, null, 2)}\n`);
    if (process.env.DEC_SCHEMATHESIS_SUMMARY) writeFileSync(process.env.DEC_SCHEMATHESIS_SUMMARY, JSON.stringify({ ...report, serverErrors: summary.serverErrors, refused }, null, 2));
    expect(summary.cases, 'cases run').to.be.greaterThan(100);
    expect(summary.serverErrors, 'server errors').to.deep.equal([]);
    expect(refused, 'schema-valid requests refused for a reason the spec could state').to.deep.equal([]);
  });
});
