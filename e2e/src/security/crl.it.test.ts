/**
 * Revocation the peers enforce (issue 20 item 5): a LessorMSP user who holds
 * its own key and could submit is revoked through the gateway API's revoke
 * route, and that is the only action: the gateway puts the CA's new CRL into
 * LessorMSP's channel MSP on each of its channels, signed by the org's channel
 * admin, and its answer says where it is in effect. Afterwards every org's
 * peer refuses the revoked key, used directly with fabric-gateway, while
 * another LessorMSP user still transacts, and the ledger shows nothing the
 * revoked user tried. The manual command for operators who revoke elsewhere
 * (`consortium propose-crl`) finds the CRL already there, and refuses a
 * forged, an edited and another org's CRL before anything is proposed.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import { FabricCaClient, findOrg, loadGatewayConfig, openGateway, PeerClients, registrarEnrollment, signingIdentity, type Enrollment, type Gateway } from '@dec/fabric-client';
import { startApi, type RunningApi } from '@dec/gateway-api';
import { RUN_DIR } from '@dec/test-network';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { ApiClient } from '../fixtures/api-client';
import { consortium, exchangeDir, ok, phase } from '../consortium/consortium-cli';
import { editedCrl, forgedCrl } from './crl-forgery';

interface ProbeRecord {
  callerId: string;
  note: string;
  count: number;
}

const MSP = 'LessorMSP';

describe('security: a revoked certificate is refused by the peers (CRL in the channel MSP)', function () {
  this.timeout(300_000);
  const run = Date.now().toString(36);
  const clients = new PeerClients();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dec-crl-'));
  let api: RunningApi, admin: ApiClient, crlPem: string, outDir: string;
  let revokedId: string, revoked: Enrollment, colleague: Enrollment;

  const lessor = () => findOrg(loadGatewayConfig(), MSP);
  /** A gateway for `who` of LessorMSP through `viaMsp`'s first peer. */
  const gatewayAs = (who: Enrollment, viaMsp = MSP): Gateway => openGateway(clients.get(findOrg(loadGatewayConfig(), viaMsp).peers[0]!), signingIdentity(MSP, who.certificate, who.privateKey));
  const energy = (g: Gateway) => g.getNetwork('energy').getContract('energy');
  const lastProbe = async (g: Gateway): Promise<ProbeRecord> => JSON.parse(Buffer.from(await energy(g).evaluateTransaction('network:LastProbe', MSP)).toString()) as ProbeRecord;

  /** Registers a user through the gateway (secret returned, not enrolled there) and enrolls it here: the user holds its key. */
  const userWithOwnKey = async (name: string): Promise<Enrollment> => {
    const reg = await admin.post('/api/v1/identities', { enrollmentId: `${name}-${run}`, enroll: false });
    expect(reg.status, JSON.stringify(reg.body)).to.equal(201);
    return new FabricCaClient(lessor()).enroll(`${name}-${run}`, reg.body.enrollmentSecret as string);
  };

  before(async () => {
    api = await startApi({ port: 0, dataDir, logger: pino({ level: 'silent' }), rateLimitPerMinute: 100_000, authFailuresPerMinute: 10_000 });
    admin = new ApiClient(api.url).as(api.adminKeys[MSP]);
    outDir = exchangeDir(`crl-${run}`);
    revokedId = `crl-revoked-${run}`;
    [revoked, colleague] = await Promise.all([userWithOwnKey('crl-revoked'), userWithOwnKey('crl-colleague')]);
  });

  after(async () => {
    clients.close();
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a forged, an edited and another org\'s CRL before proposing anything', async () => {
    const real = await new FabricCaClient(lessor()).generateCrl(await registrarEnrollment(lessor(), path.join(RUN_DIR, 'ca-clients')));
    const bank = findOrg(loadGatewayConfig(), 'BankMSP');
    const bankCrl = await new FabricCaClient(bank).generateCrl(await registrarEnrollment(bank, path.join(RUN_DIR, 'ca-clients')));
    const cases: [string, string, RegExp][] = [
      ['forged', forgedCrl(real), /did not sign it: it is forged or was edited/],
      ['edited', editedCrl(real), /did not sign it: it is forged or was edited|could not be parsed/],
      ['bank', bankCrl, /none of LessorMSP's CAs/],
    ];
    const refusedDir = path.join(outDir, 'refused');
    for (const [name, pem, expected] of cases) {
      const file = path.join(outDir, `${name}.crl.pem`);
      writeFileSync(file, pem);
      const r = await consortium('propose-crl', '--org', MSP, '--crl', file, '--out', refusedDir);
      expect(r.code, `${name}: ${r.output}`).to.equal(1);
      expect(r.output, name).to.match(expected);
    }
    expect(existsSync(refusedDir) ? readdirSync(refusedDir) : []).to.deep.equal([]);
  });

  it('the REST revoke alone puts the CRL on every channel of the org: every peer refuses the revoked key; a colleague still transacts; the ledger shows none of its attempts', async () => {
    const before = await phase('revoked user commits network:Probe before revocation', async () => {
      const g = gatewayAs(revoked);
      await energy(g).submitTransaction('network:Probe', JSON.stringify({ note: `before-${run}` }));
      return lastProbe(g);
    });
    expect(before.note).to.equal(`before-${run}`);

    const res = await phase('REST revoke (the gateway publishes the CRL)', () => admin.post(`/api/v1/identities/${revokedId}/revoke`, { reason: 'keycompromise' }));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.status).to.equal('revoked');
    const published = (res.body.crl as { channels: { channel: string; status: string }[] }).channels;
    expect(published.map((c) => [c.channel, c.status]).sort(), JSON.stringify(published)).to.deep.equal([
      ['energy', 'applied'],
      ['scf', 'applied'],
    ]);
    crlPem = api.services.identities.latestCrl(MSP)!;
    const crlFile = path.join(outDir, 'lessor.crl.pem');
    writeFileSync(crlFile, crlPem);

    // Each org's peer applies the config block when it commits it; wait until every one refuses the key.
    const vias = loadGatewayConfig().orgs.map((o) => o.mspId);
    const refusals: Record<string, string> = {};
    await phase('every org\'s peer refuses the revoked key', async () => {
      for (const via of vias) refusals[via] = await refusedEventually(() => energy(gatewayAs(revoked, via)).evaluateTransaction('network:WhoAmI'));
    });
    for (const [via, why] of Object.entries(refusals)) expect(why, via).to.match(/revoked|access denied|creator|identity/i);

    for (const via of [MSP, 'PlatformMSP']) {
      const attempt = await energy(gatewayAs(revoked, via))
        .submitTransaction('network:Probe', JSON.stringify({ note: `after-${run}` }))
        .then(() => 'committed', (e: unknown) => String(e));
      expect(attempt, `submit through ${via}'s peer`).to.not.equal('committed');
    }

    const colleagueGateway = gatewayAs(colleague);
    const unchanged = await lastProbe(colleagueGateway);
    expect(unchanged).to.deep.include({ note: `before-${run}`, count: before.count, callerId: before.callerId });
    await energy(colleagueGateway).submitTransaction('network:Probe', JSON.stringify({ note: `colleague-${run}` }));
    const after = await lastProbe(colleagueGateway);
    expect(after.note).to.equal(`colleague-${run}`);
    expect(after.count).to.equal(before.count + 1);

    // The operators' manual command finds the gateway's CRL already in effect on every channel.
    const again = await ok('propose-crl', '--org', MSP, '--crl', crlFile, '--out', path.join(outDir, 'again'));
    expect(again).to.match(/energy: already has this CRL/);
    expect(again).to.match(/scf: already has this CRL/);
  });
});

/** Retries `attempt` until it fails; returns the failure (gives up after ~60 s). */
async function refusedEventually(attempt: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const outcome = await attempt().then(() => undefined, (e: unknown) => e);
    if (outcome !== undefined) return `${outcome instanceof Error ? outcome.message : 'refused'} ${JSON.stringify((outcome as { details?: unknown }).details ?? '')}`;
    await sleep(500);
  }
  throw new Error('the peer never refused the revoked key');
}
