/**
 * Per-host bundles and host folders on the running multi-host network: every
 * bundle holds private keys of its own org only (the scan recognises keys by
 * their public half, and finds a planted foreign key), each host's processes
 * run in its namespace from its own folder and listen on its address only,
 * and an org's crypto made on its own host exports no private key.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { currentModel, foreignKeys, hostDir, hostPart, hostProcessNames, keyOwners, makeBundle, makeOrgCrypto, netnsName, privateKeysIn, record } from '@dec/test-network';

describe('multi-host: bundles and host folders', () => {
  const { model } = currentModel();
  const work = mkdtempSync(path.join(tmpdir(), 'dec-bundles-'));
  after(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('every host bundle holds its own private keys and no other org\'s', async () => {
    const owners = keyOwners(model.cryptoDir);
    for (const host of model.hosts) {
      const dir = path.join(work, host.name);
      const manifest = await makeBundle(model, host, dir);
      const part = hostPart(model, host);
      const own = [...part.orgs.map((o) => o.domain), ...(part.orderers.length > 0 ? [model.ordererOrg.domain] : [])];
      expect(foreignKeys(dir, owners, own), `foreign keys in ${host.name}'s bundle`).to.deep.equal([]);
      expect(privateKeysIn(dir).length, `${host.name}'s own keys`).to.be.greaterThan(0);
      expect(existsSync(`${dir}.tar.gz`)).to.equal(true);
      for (const id of manifest.nodes) {
        expect(existsSync(path.join(dir, 'env', `${id}.env`)), `env of ${id}`).to.equal(true);
        expect(existsSync(path.join(dir, 'systemd', `dec-${id}.service`)), `unit of ${id}`).to.equal(true);
      }
      for (const channel of manifest.channels) expect(existsSync(path.join(dir, 'channels', `${channel}.block`))).to.equal(true);
    }
  });

  it('the scan finds another org\'s key planted under an innocent name', async () => {
    const bank = model.orgs.find((o) => o.spec.mspId === 'BankMSP')!;
    const platform = model.orgs.find((o) => o.spec.mspId === 'PlatformMSP')!;
    const dir = path.join(work, 'planted');
    await makeBundle(model, bank.host, dir);
    copyFileSync(platform.ca.signingKey, path.join(dir, 'profiles', 'notes.txt'));
    const found = foreignKeys(dir, keyOwners(model.cryptoDir), [bank.domain]);
    expect(found.map((k) => [k.file, k.owner])).to.deep.equal([[path.join('profiles', 'notes.txt'), platform.domain]]);
  });

  it('each host runs its processes in its namespace, from its own folder, listening on its address only', () => {
    for (const host of model.hosts) {
      const folder = realpathSync(hostDir(host));
      expect(existsSync(path.join(folder, 'manifest.json'))).to.equal(true);
      for (const id of hostProcessNames(hostPart(model, host), model)) {
        const r = record(id);
        expect(r, `record of ${id}`).not.to.equal(undefined);
        expect(execFileSync('ip', ['netns', 'identify', String(r!.pid)]).toString().trim(), `namespace of ${id}`).to.equal(netnsName(host));
        if (r!.kind !== 'chaincode') expect(realpathSync(`/proc/${r!.pid}/cwd`), `folder of ${id}`).to.equal(folder);
      }
      const listening = execFileSync('ip', ['netns', 'exec', netnsName(host), 'ss', '-Hltn']).toString().trim().split('\n').map((l) => l.split(/\s+/)[3]);
      expect(listening.filter((a) => a !== undefined && !a.startsWith(`${host.address}:`)), `listeners of ${host.name} off its address`).to.deep.equal([]);
    }
  });

  it('an org makes its crypto on its own host; only its public MSP definition leaves it', async () => {
    const made = await makeOrgCrypto(model, 'BankMSP', path.join(work, 'bank-own'));
    expect(privateKeysIn(made.publicDir)).to.deep.equal([]);
    expect(privateKeysIn(made.cryptoDir).length).to.be.greaterThan(0);
    const json = JSON.parse(readFileSync(made.orgJson, 'utf8')) as { values: { MSP: { value: { config: { name: string; root_certs: string[] } } } } };
    const caCert = readdirSync(path.join(made.publicDir, 'msp', 'cacerts'))[0]!;
    expect(json.values.MSP.value.config.name).to.equal('BankMSP');
    expect(json.values.MSP.value.config.root_certs).to.deep.equal([readFileSync(path.join(made.publicDir, 'msp', 'cacerts', caCert)).toString('base64')]);
  });
});
