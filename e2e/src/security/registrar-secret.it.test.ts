/**
 * Fabric CA hygiene (issue 20 item 5): each org CA's registrar secret is
 * random per network and lives only in 0600 files (the secret file the
 * gateway config names, and the CA's own config). It must never be on a
 * command line (anyone on the machine can read /proc/<pid>/cmdline), in a
 * log of the network's processes, or in an error message a failed enrollment
 * produces. Checked on the running network.
 */
import { expect } from 'chai';
import { CaError, FabricCaClient, loadGatewayConfig } from '@dec/fabric-client';
import { LOG_DIR, records } from '@dec/test-network';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

describe('security: the CA registrar secret is never on a command line, in a log or in an error message', function () {
  this.timeout(120_000);
  // Read once the root hook has brought the network up (not while mocha loads the files).
  let orgs: ReturnType<typeof loadGatewayConfig>['orgs'] = [];
  let secrets: { mspId: string; file: string; secret: string }[] = [];
  before(() => {
    orgs = loadGatewayConfig().orgs;
    secrets = orgs.map((o) => ({ mspId: o.mspId, file: o.ca.registrarSecretPath, secret: readFileSync(o.ca.registrarSecretPath, 'utf8').trim() }));
  });

  it('is random per org and kept in a file only its owner can read', () => {
    expect(new Set(secrets.map((s) => s.secret)).size).to.equal(secrets.length);
    for (const s of secrets) {
      expect(s.secret.length, s.mspId).to.be.at.least(20);
      expect(statSync(s.file).mode & 0o077, `${s.file} mode`).to.equal(0);
    }
  });

  it('is on no running process\'s command line of the network', () => {
    const running = records().filter((r) => existsSync(`/proc/${r.pid}/cmdline`));
    expect(running.some((r) => r.kind === 'ca')).to.equal(true);
    for (const r of running) {
      const cmdline = readFileSync(`/proc/${r.pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      for (const s of secrets) expect(cmdline.includes(s.secret), `${r.name}'s command line holds ${s.mspId}'s registrar secret`).to.equal(false);
    }
  });

  it('is in no log of the network\'s processes', () => {
    const logs = readdirSync(LOG_DIR).map((f) => path.join(LOG_DIR, f)).filter((f) => statSync(f).isFile());
    expect(logs.length).to.be.greaterThan(0);
    for (const log of logs) {
      const text = readFileSync(log, 'utf8');
      for (const s of secrets) expect(text.includes(s.secret), `${path.basename(log)} holds ${s.mspId}'s registrar secret`).to.equal(false);
    }
  });

  it('is in no error message of a failed enrollment (wrong CA name, unreachable CA)', async () => {
    const org = orgs[0]!;
    const secret = secrets[0]!.secret;
    const failures = [
      await new FabricCaClient({ ...org, ca: { ...org.ca, caName: 'no-such-ca' } }).enroll(org.ca.registrarId, secret).then(() => undefined, (e: unknown) => e),
      await new FabricCaClient({ ...org, ca: { ...org.ca, url: 'https://127.0.0.1:9' } }).enroll(org.ca.registrarId, secret).then(() => undefined, (e: unknown) => e),
    ];
    for (const e of failures) {
      expect(e).to.be.instanceOf(Error);
      const shown = `${(e as Error).message} ${(e as Error).stack ?? ''} ${e instanceof CaError ? JSON.stringify(e) : ''}`;
      expect(shown.includes(secret)).to.equal(false);
      expect(shown.includes(Buffer.from(`${org.ca.registrarId}:${secret}`).toString('base64'))).to.equal(false);
    }
  });
});
