/**
 * Mocha runs every integration file's `describe` body while it loads the files, before the
 * root hook starts the network: a suite that reads network files there kills the whole
 * integration run in seconds (it happened twice). This loads both e2e configurations with
 * `--dry-run` (no hooks, no tests) and the run folder pointed at an empty directory, so any
 * such read fails here, in the unit tests, instead of in CI.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const MOCHA = require.resolve('mocha/bin/mocha.js');

describe('integration suites load without a network (mocha --dry-run)', function () {
  this.timeout(180_000);
  const empty = mkdtempSync(path.join(tmpdir(), 'dec-no-network-'));
  after(() => {
    rmSync(empty, { recursive: true, force: true });
  });

  for (const config of ['.mocharc.integration.js', '.mocharc.multihost.js']) {
    it(`${config}: every suite defines itself without touching the network`, () => {
      const env = { ...process.env, DEC_RUN_DIR: empty, DEC_GATEWAY_CONFIG: path.join(empty, 'gateway', 'network.json') };
      const run = spawnSync(process.execPath, [MOCHA, '--config', config, '--dry-run', '--reporter', 'dot'], { cwd: REPO, env, encoding: 'utf8' });
      expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).to.equal(0);
    });
  }
});
