#!/usr/bin/env node
/**
 * dec start: the whole stack on this machine, what `npm start` runs. The
 * consortium comes up first (idempotent: a running network is reused), then the
 * gateway API, the MQTT broker with the meter ingestor, and the explorer; Ctrl-C
 * stops them in reverse order, the network last.
 */
import { Stack } from './stack';

const USAGE = `usage: dec <command>
  start [--https]   bring up the test network, the gateway API, the MQTT broker with the meter
                    ingestor and the explorer; Ctrl-C stops everything, the network last.
                    --https: the API listens on HTTPS with a development certificate from the
                    platform org's TLS CA (or DEC_API_TLS_CERT/KEY when given)`;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Stops the stack on Ctrl-C or SIGTERM, also while it is still starting. */
function stopOnSignal(stack: Stack): void {
  const stop = (): void => {
    stack.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while stopping: ${message(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...flags] = argv;
  const unknown = flags.filter((f) => f !== '--https');
  if (command !== 'start' || unknown.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return command ? 2 : 0;
  }
  const stack = new Stack({ https: flags.includes('--https') });
  stopOnSignal(stack);
  const banner = await stack.start();
  process.stdout.write(`${[...banner, 'Press Ctrl-C to stop everything, the network last.'].join('\n')}\n`);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`error: ${message(err)}\n`);
    process.exit(1);
  },
);
