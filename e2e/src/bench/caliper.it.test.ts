/**
 * `npm run caliper` against the real network, with short rounds: Caliper 0.6
 * installs (first run), the fixture is made, every round runs through the
 * fabric-gateway binding and the HTML report names each round. Figures are
 * reported by Caliper, never asserted here. The blind-write baseline and the
 * query may not fail at all; a transfer or an order may, rarely, meet a peer a
 * block behind the other endorser (mismatched proposal responses), as any
 * client may: under a tenth of a round.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@dec/test-network';

const ROUNDS = ['baseline-beacon-fixed-load', 'baseline-beacon-fixed-rate', 'token-transfer-fixed-rate', 'market-post-order-fixed-rate', 'query-balance-fixed-rate'];

function runCaliper(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, CALIPER_SECONDS: '3', CALIPER_RATE: '5', CALIPER_LOAD: '5', CALIPER_PARTICIPANTS: '5' };
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bench', 'dist', 'caliper', 'run.js')], { cwd: REPO_ROOT, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      resolve({ code, out });
    });
  });
}

describe('Hyperledger Caliper against the real network (npm run caliper)', () => {
  it('runs every round through the fabric-gateway binding (the baseline and the query without a failure) and writes its report', async function () {
    this.timeout(900_000);
    const { code, out } = await runCaliper();
    expect(code, out.slice(-3000)).to.equal(0);
    const rows = out.split('\n').filter((l) => l.startsWith('| ') && ROUNDS.some((r) => l.includes(r)));
    for (const round of ROUNDS) {
      const row = rows.find((l) => l.includes(` ${round} `));
      expect(row, `no summary row for ${round}`).to.not.equal(undefined);
      const [, , succ, fail] = (row ?? '').split('|').map((c) => c.trim());
      console.log(`      ${round}: ${succ} succeeded, ${fail} failed`);
      expect(Number(succ), round).to.be.greaterThan(0);
      if (round.startsWith('baseline') || round.startsWith('query')) expect(Number(fail), round).to.equal(0);
      else expect(Number(fail), round).to.be.lessThan(Number(succ) / 10);
    }
    const report = readFileSync(path.join(REPO_ROOT, 'test-results', 'caliper-report.html'), 'utf8');
    for (const round of ROUNDS) expect(report).to.contain(round);
  });
});
