import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { Csms } from './csms';
import { ChargePointSimulator } from './simulator';
import { makeServerTls } from './tls';

/** Security profile 2 without a ledger: the handshake (TLS + Basic auth) and BootNotification are answered by the CSMS alone. */
describe('CSMS on TLS (OCPP security profile 2)', function () {
  this.timeout(20_000);
  const port = 20_400 + (process.pid % 500);
  const password = randomBytes(16).toString('hex');
  const tls = makeServerTls(['localhost', '127.0.0.1']);
  let csms: Csms;

  before(async () => {
    csms = new Csms({ port, gatewayUrl: 'http://127.0.0.1:1', apiKey: 'unused', chargers: { 'CP-TLS': password }, tls });
    await csms.start();
  });
  after(() => csms.close());

  async function connects(sim: ChargePointSimulator): Promise<boolean> {
    try {
      await sim.connect();
      return true;
    } catch {
      return false;
    } finally {
      await sim.close();
    }
  }

  it('makes a CA-signed server certificate for the names asked', () => {
    expect(tls.cert).to.match(/^-----BEGIN CERTIFICATE-----/);
    expect(tls.key).to.match(/PRIVATE KEY-----/);
    expect(tls.ca).to.not.equal(tls.cert);
  });

  it('accepts a charger that trusts the CA and knows its password; refuses a wrong password, an untrusted server and plain ws', async () => {
    expect(await connects(new ChargePointSimulator(`wss://127.0.0.1:${port}`, 'CP-TLS', password, { ca: tls.ca }))).to.equal(true);
    expect(await connects(new ChargePointSimulator(`wss://127.0.0.1:${port}`, 'CP-TLS', 'wrong-password-0000', { ca: tls.ca }))).to.equal(false);
    expect(await connects(new ChargePointSimulator(`wss://127.0.0.1:${port}`, 'CP-OTHER', password, { ca: tls.ca }))).to.equal(false);
    expect(await connects(new ChargePointSimulator(`wss://127.0.0.1:${port}`, 'CP-TLS', password, { ca: makeServerTls(['localhost']).ca }))).to.equal(false);
    expect(await connects(new ChargePointSimulator(`ws://127.0.0.1:${port}`, 'CP-TLS', password))).to.equal(false);
  });
});
