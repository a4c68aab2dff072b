/** Tiny `--name value` / `--flag` argument parser for the metering CLIs (they take a handful of options each), and the broker link they share. */
import path from 'node:path';
import { defaultMeterCaDir, MeterCa } from '../credentials/meter-ca';

export function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [name = '', inline] = a.slice(2).split('=', 2);
    const next = argv[i + 1];
    if (inline !== undefined) out.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      out.set(name, next);
      i++;
    } else out.set(name, 'true');
  }
  return out;
}

/** A non-negative number option, or `fallback` when absent. */
export function num(args: Map<string, string>, name: string, fallback: number): number {
  const v = args.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
  return n;
}

/** The broker URL the CLIs use: --url, else mqtts://127.0.0.1:<--port | DEC_MQTT_PORT | 1883> (mqtt:// with --plain). */
export function brokerUrlArg(args: Map<string, string>, defaultPort: number): string {
  const scheme = args.has('plain') ? 'mqtt' : 'mqtts';
  return args.get('url') ?? `${scheme}://127.0.0.1:${num(args, 'port', Number(process.env.DEC_MQTT_PORT ?? defaultPort))}`;
}

/** The meter CA a CLI authenticates with on an mqtts:// URL (--meter-ca, else the default folder); none on mqtt://. */
export function meterCaArg(args: Map<string, string>, url: string): MeterCa | undefined {
  if (!url.startsWith('mqtts:')) return undefined;
  return MeterCa.open(path.resolve(args.get('meter-ca') ?? defaultMeterCaDir()));
}

/** Runs a CLI's main, printing a failure as one line and exiting 1. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(`[${name}] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
