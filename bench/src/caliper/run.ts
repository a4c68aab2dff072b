/**
 * `npm run caliper`: Hyperledger Caliper 0.6 (fabric connector, fabric-gateway
 * binding) against the running test network. It installs the `caliper/`
 * workspace on first use, makes the ledger fixture (participants, meters, a
 * zone), writes the network and benchmark configuration into the run folder
 * and runs the rounds; Caliper's HTML report lands in test-results/.
 * Settings: CALIPER_SECONDS (per round, default 20), CALIPER_RATE (tx/s of the
 * fixed-rate rounds, default 15), CALIPER_LOAD (outstanding tx of the
 * fixed-load round, default 50), CALIPER_WORKERS (default 2),
 * CALIPER_PARTICIPANTS (default 48).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGatewayConfig } from '@dec/fabric-client';
import { readState, REPO_ROOT, RUN_DIR } from '@dec/test-network';
import { caliperNetworkConfig } from './network-config';
import { prepareCaliper } from './prepare';
import { benchmarkConfig } from './rounds';

const log = (line: string): void => {
  process.stdout.write(`[caliper] ${line}\n`);
};
const setting = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

function run(command: string, args: string[], cwd: string): void {
  const r = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal}) in ${cwd}`);
}

async function main(): Promise<void> {
  if (!readState()) throw new Error('no network is running in this checkout: start it with `npm run network:up`, then run `npm run caliper` again');
  const workspace = path.join(REPO_ROOT, 'caliper');
  const cli = path.join(workspace, 'node_modules', '@hyperledger', 'caliper-cli', 'caliper.js');
  if (!existsSync(cli)) {
    log('installing the caliper workspace (first run only: npm ci in caliper/) ...');
    run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], workspace);
  }
  const out = path.join(RUN_DIR, 'caliper');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { fixture, identities } = await prepareCaliper(out, setting('CALIPER_PARTICIPANTS', 48), log);
  const files = { participants: path.join(out, 'participants.json'), network: path.join(out, 'network.json'), benchmark: path.join(out, 'benchmark.json') };
  writeFileSync(files.participants, JSON.stringify(fixture, null, 2));
  writeFileSync(files.network, JSON.stringify(caliperNetworkConfig(loadGatewayConfig(), identities, (org) => path.join(RUN_DIR, 'profiles', `${org}.json`)), null, 2));
  const rounds = { seconds: setting('CALIPER_SECONDS', 20), rate: setting('CALIPER_RATE', 15), load: setting('CALIPER_LOAD', 50), workers: setting('CALIPER_WORKERS', 2) };
  writeFileSync(files.benchmark, JSON.stringify(benchmarkConfig(rounds, files.participants), null, 2));
  const report = path.join(REPO_ROOT, 'test-results', 'caliper-report.html');
  mkdirSync(path.dirname(report), { recursive: true });
  log(`running ${rounds.seconds} s rounds (fixed rate ${rounds.rate} tx/s, fixed load ${rounds.load}) with ${rounds.workers} workers ...`);
  run(process.execPath, [
    cli, 'launch', 'manager',
    '--caliper-workspace', workspace,
    '--caliper-networkconfig', files.network,
    '--caliper-benchconfig', files.benchmark,
    '--caliper-flow-only-test',
    '--caliper-report-path', report,
  ], workspace);
  log(`report: ${report}`);
}

main().catch((e: unknown) => {
  console.error(`[caliper] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
