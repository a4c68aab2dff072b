#!/usr/bin/env node
/**
 * The meter CA from the shell: meter credentials are part of registering a
 * meter, revocation part of decommissioning it.
 *
 *   dec-meter-credentials init                                  creates the CA (broker, ingestor and monitor certificates)
 *   dec-meter-credentials issue <meter-eid> [--csr req.pem] [--out DIR]
 *        with --csr: certifies the meter's own request (its key never leaves it), writes DIR/<eid>.crt;
 *        without: makes a key too and writes DIR/<eid>.key (0600) and DIR/<eid>.crt; DIR/ca.crt either way
 *   dec-meter-credentials revoke <meter-eid> [--broker-dir .run/mosquitto]
 *        revokes every certificate of the meter, rewrites CRL and ACL and makes the broker reload them
 *   dec-meter-credentials revoked                               lists revoked names
 *   dec-meter-credentials certify <meter-eid>                   a PEM request on stdin -> {"certificate","caCertificate"} on stdout
 *        (how the gateway asks the CA: it never holds the CA key itself)
 * Every command takes [--ca DIR] (default $DEC_METER_CA_DIR or .run/meter-ca).
 *
 * The command does not look at the ledger: whoever holds the CA folder is the
 * operator. Owners get certificates through the gateway
 * (POST /api/v1/meters/{eid}/credentials), which checks ownership first.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultBrokerDir, reloadBrokerAt } from '../credentials/broker-reload';
import { defaultMeterCaDir, isMeterEid, MeterCa } from '../credentials/meter-ca';
import { parseArgs, runCli } from './args';

function issue(ca: MeterCa, eid: string, args: Map<string, string>): void {
  const out = path.resolve(args.get('out') ?? '.');
  mkdirSync(out, { recursive: true });
  const csr = args.get('csr');
  writeFileSync(path.join(out, 'ca.crt'), ca.caPem);
  if (csr) {
    writeFileSync(path.join(out, `${eid}.crt`), ca.issueFromCsr(eid, readFileSync(csr, 'utf8')));
    console.log(`certificate for ${eid} in ${out} (${eid}.crt, ca.crt)`);
    return;
  }
  const m = ca.issueWithNewKey(eid);
  writeFileSync(path.join(out, `${eid}.key`), m.key, { mode: 0o600 });
  writeFileSync(path.join(out, `${eid}.crt`), m.cert);
  console.log(`key and certificate for ${eid} in ${out} (${eid}.key, ${eid}.crt, ca.crt)`);
}

/** A meter's own request in, its certificate out, as JSON for a program (the gateway). */
function certify(ca: MeterCa, eid: string): void {
  if (!isMeterEid(eid)) throw new Error(`certify is for meters: ${JSON.stringify(eid)} is not a meter eID`);
  const certificate = ca.issueFromCsr(eid, readFileSync(0, 'utf8'));
  process.stdout.write(`${JSON.stringify({ certificate, caCertificate: ca.caPem })}\n`);
}

function revoke(ca: MeterCa, eid: string, args: Map<string, string>): void {
  const n = ca.revoke(eid);
  const reloaded = reloadBrokerAt(path.resolve(args.get('broker-dir') ?? defaultBrokerDir()));
  console.log(`${n} certificate(s) of ${eid} revoked; ${reloaded ? 'broker reloaded CRL and ACL' : 'no broker running: it reads them when it starts'}`);
}

const USAGE = 'usage: dec-meter-credentials init | issue <meter-eid> [--csr FILE] [--out DIR] | revoke <meter-eid> [--broker-dir DIR] | revoked  [--ca DIR]';

/** The commands that name a meter, and those that do not. */
const WITH_NAME: Record<string, (ca: MeterCa, eid: string, args: Map<string, string>) => void> = { issue, revoke, certify };
const WITHOUT_NAME: Record<string, (ca: MeterCa) => void> = {
  init: (ca) => {
    console.log(`meter CA in ${ca.dir}`);
  },
  revoked: (ca) => {
    console.log(ca.revokedNames().join('\n'));
  },
};

/** The action the command line asks for, or the usage. */
function action(argv: string[]): { args: Map<string, string>; run: (ca: MeterCa) => void } {
  const [command = '', ...rest] = argv;
  const withName = Object.hasOwn(WITH_NAME, command) ? WITH_NAME[command] : undefined;
  const withoutName = Object.hasOwn(WITHOUT_NAME, command) ? WITHOUT_NAME[command] : undefined;
  const eid = withName && rest[0]?.startsWith('--') === false ? rest.shift() : undefined;
  const args = parseArgs(rest);
  if (withName && eid) return { args, run: (ca) => { withName(ca, eid, args); } };
  if (withoutName) return { args, run: withoutName };
  throw new Error(USAGE);
}

async function main(): Promise<void> {
  const { args, run } = action(process.argv.slice(2));
  run(MeterCa.open(path.resolve(args.get('ca') ?? defaultMeterCaDir())));
  await Promise.resolve();
}

runCli('credentials', main);
