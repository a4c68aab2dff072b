#!/usr/bin/env node
/**
 * dec start: the whole stack on this machine, what `npm start` runs. The
 * consortium comes up first (idempotent: a running network is reused), then the
 * gateway API, the MQTT broker with the meter ingestor, and the explorer; Ctrl-C
 * stops them in reverse order, the network last.
 */
import { Stack } from './stack';

const USAGE = `usage: dec <command>
  start    bring up the test network, the gateway API, the MQTT broker with the meter
           ingestor and the explorer; Ctrl-C stops everything, the network last`;

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
  const [command] = argv;
  if (command !== 'start') {
    process.stderr.write(`${USAGE}\n`);
    return command ? 2 : 0;
  }
  const stack = new Stack();
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
