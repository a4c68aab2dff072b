/**
 * The gateway API against the real network, part 5: Fabric CA hygiene.
 * Enrollment secrets are random and good for one enrollment; certificates are
 * renewed by re-enrolling with the certificate (the gateway does it before
 * they expire); revoking an identity makes the CA issue a CRL naming its
 * certificate.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- replies are JSON the tests read field by field (ApiClient bodies are untyped on purpose) */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { CaError, FabricCaClient } from '@dec/fabric-client';
import type { ApiClient } from '../fixtures/api-client';
import { startApiWorld, type ApiWorld } from './api-world';

describe('gateway API: Fabric CA hygiene (real network)', function () {
  let world: ApiWorld | undefined;
  let run: string, admin: Record<string, ApiClient>;

  before(async function () {
    this.timeout(120_000);
    world = await startApiWorld();
    ({ run, admin } = world);
  });

  after(async () => {
    await world?.close();
  });

  const lessorCa = (): FabricCaClient => new FabricCaClient(world!.api.services.config.orgs.find((o) => o.mspId === 'LessorMSP')!);

  it('register with a random secret that is good for one enrollment only', async () => {
    const enrollmentId = `once-${run}`;
    const registered = await admin.LessorMSP!.post('/api/v1/identities', { enrollmentId, enroll: false });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    const secret = registered.body.enrollmentSecret as string;
    expect(secret).to.match(/^[A-Za-z0-9_-]{32}$/);
    expect(secret).to.not.include(enrollmentId);
    expect(secret).to.not.include(String(process.pid));
    const other = await admin.LessorMSP!.post('/api/v1/identities', { enrollmentId: `once-b-${run}`, enroll: false });
    expect(other.body.enrollmentSecret).to.not.equal(secret);

    const enrolled = await admin.LessorMSP!.post(`/api/v1/identities/${enrollmentId}/enroll`, { secret });
    expect(enrolled.status, JSON.stringify(enrolled.body)).to.equal(200);
    // The gateway refuses a second enrollment, and so does the CA itself: the secret is spent.
    expect((await admin.LessorMSP!.post(`/api/v1/identities/${enrollmentId}/enroll`, { secret })).status).to.equal(409);
    const again = await lessorCa().enroll(enrollmentId, secret).then(() => undefined, (e: unknown) => e);
    expect(again).to.be.instanceOf(CaError);
    expect((again as Error).message).to.not.include(secret);
  });

  it('renew certificates before they expire by re-enrolling with the certificate; the API key and the chaincode identity stay', async () => {
    const user = await world!.newUser('LessorMSP', 'renewed', { role: 'lessor-officer' });
    const before = (await user.get('/api/v1/identities/me')).body;
    const whoBefore = (await user.get('/api/v1/energy/network/who-am-i')).body.result;
    const me = world!.api.services.identities.get('LessorMSP', before.enrollmentId as string);
    // A window longer than any certificate's life makes every certificate due, as a real one is near its end.
    const renewed = await world!.api.renewal.renewExpiring(20 * 365 * 86_400_000);
    expect(renewed).to.include(me.id);
    const after = (await user.get('/api/v1/identities/me')).body;
    const [oldCert, newCert] = [new X509Certificate(before.certificate as string), new X509Certificate(after.certificate as string)];
    expect(newCert.serialNumber).to.not.equal(oldCert.serialNumber);
    expect(newCert.subject).to.equal(oldCert.subject);
    expect(newCert.publicKey.export({ format: 'pem', type: 'spki' })).to.not.equal(oldCert.publicKey.export({ format: 'pem', type: 'spki' }));
    const whoAfter = await user.get('/api/v1/energy/network/who-am-i');
    expect(whoAfter.status, JSON.stringify(whoAfter.body)).to.equal(200);
    expect(whoAfter.body.result.id).to.equal(whoBefore.id);
    expect(whoAfter.body.result.attributes.role).to.equal('lessor-officer');
  });

  it('revoke: the CA issues a CRL that names the revoked certificate', async () => {
    const enrollmentId = `revoked-crl-${run}`;
    await world!.newUser('LessorMSP', 'revoked-crl', { role: 'lessor-officer' });
    const cert = new X509Certificate((await admin.LessorMSP!.get(`/api/v1/identities/${enrollmentId}`)).body.certificate as string);
    expect((await admin.LessorMSP!.post(`/api/v1/identities/${enrollmentId}/revoke`, { reason: 'keycompromise' })).status).to.equal(200);
    const crl = world!.api.services.identities.latestCrl('LessorMSP');
    expect(crl).to.match(/^-----BEGIN X509 CRL-----/);
    const text = execFileSync('openssl', ['crl', '-noout', '-text'], { input: crl }).toString();
    expect(text.replace(/:/g, '').toUpperCase()).to.include(cert.serialNumber.toUpperCase().replace(/^0+/, ''));
  });
});
