/**
 * MQTT credentials for a meter, for its owner: the gateway checks on the
 * ledger, through the caller's own identity, that the caller is the meter's
 * owner and the meter is in service, then asks the meter CA to certify the
 * owner's certificate request (CN = the meter's eID). The owner keeps the
 * private key: it never travels, and the gateway cannot leak what it never had.
 *
 * Why the CA is a command and not a module here: the meter CA
 * (meter-ingestor/src/credentials) is its own authority with its own key; the
 * gateway asks it through a narrow door (request in, certificate out), as it
 * asks an org's Fabric CA, and never holds its key. The command is
 * $DEC_METER_CA_COMMAND (a JSON array: program and arguments), by default the
 * meter-ingestor's `dec-meter-credentials certify` on the default CA folder.
 */
import { REPO_ROOT } from '@dec/network';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Caller } from '../auth/identities';
import type { TransactionService } from '../fabric/transactions';
import { ApiError } from '../http/errors';

export interface MeterCertificate {
  meter: string;
  certificate: string;
  caCertificate: string;
}

interface MeterView {
  meter: { eid: string; ownerEid: string; status: string };
}
interface DeviceView {
  eid: string;
  kind: string;
  status: string;
  ownerEid: string;
}
interface WhoAmI {
  participant: { eid: string; status: string } | null;
}

/** The CA command: $DEC_METER_CA_COMMAND (JSON array), else node <repo>/meter-ingestor/dist/cli/credentials-cli.js. */
export function meterCaCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = env.DEC_METER_CA_COMMAND;
  if (configured) {
    const parsed: unknown = JSON.parse(configured);
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((a) => typeof a === 'string')) throw new Error('DEC_METER_CA_COMMAND must be a JSON array of strings');
    return parsed;
  }
  return [process.execPath, path.join(REPO_ROOT, 'meter-ingestor', 'dist', 'cli', 'credentials-cli.js')];
}

/** Runs `<command> certify <eid>` with the request on stdin; the certificate it prints. */
function certify(command: string[], eid: string, csrPem: string): Promise<{ certificate: string; caCertificate: string }> {
  const [program = '', ...args] = command;
  if (!existsSync(program) && path.isAbsolute(program)) return Promise.reject(new ApiError('NETWORK_UNAVAILABLE', 'the meter CA is not available on this gateway'));
  return new Promise((resolve, reject) => {
    const child = execFile(program, [...args, 'certify', eid], { timeout: 20_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (!error) {
        resolve(JSON.parse(stdout) as { certificate: string; caCertificate: string });
        return;
      }
      // The CA says why it refuses the request (`[credentials] csr: ...`): the owner's mistake, not ours.
      const why = stderr.replace(/^\[credentials\] /, '').trim().split('\n')[0] ?? '';
      reject(why.startsWith('csr:') ? new ApiError('VALIDATION', why, { details: [{ field: 'csr', message: why.slice(5) }] }) : new ApiError('NETWORK_UNAVAILABLE', 'the meter CA failed'));
    });
    child.stdin?.end(csrPem);
  });
}

export class MeterCredentialService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly command: () => string[] = () => meterCaCommand(),
  ) {}

  /** The caller's certificate for meter `eid` from its request, if the caller owns the meter and it is in service. */
  async issue(caller: Caller, eid: string, csrPem: string): Promise<MeterCertificate> {
    await this.requireOwnerOfServingMeter(caller, eid);
    const { certificate, caCertificate } = await certify(this.command(), eid, csrPem);
    return { meter: eid, certificate, caCertificate };
  }

  /** Evaluated with the caller's own identity: what the ledger says about it and the meter, nobody else's view. */
  private async requireOwnerOfServingMeter(caller: Caller, eid: string): Promise<void> {
    const evaluate = <T>(name: string, input?: unknown): Promise<T> =>
      this.transactions.evaluate(caller, { channel: 'energy', chaincode: 'energy', name, args: input === undefined ? [] : [JSON.stringify(input)] }) as Promise<T>;
    const [me, meter, device] = await Promise.all([evaluate<WhoAmI>('identity:WhoAmI'), evaluate<MeterView>('metering:GetMeter', { meter: eid }), evaluate<DeviceView>('identity:GetDevice', { eid })]);
    const owner = me.participant;
    if (owner?.eid !== meter.meter.ownerEid || owner.status !== 'active' || device.ownerEid !== owner.eid) {
      throw new ApiError('ACCESS_DENIED', `only the active owner of meter ${eid} may get its credentials`);
    }
    if (meter.meter.status === 'decommissioned' || device.status !== 'active' || device.kind !== 'meter') {
      throw new ApiError('CONFLICT', `meter ${eid} is not in service (${meter.meter.status}, device ${device.status})`);
    }
  }
}
