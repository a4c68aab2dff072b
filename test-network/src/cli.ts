#!/usr/bin/env node
/**
 * dec-network: up [--foreground] | down [--keep-data] | status | deploy [chaincode...]
 */
import { deploy, down, status, up } from './network';
import { say, UserFacingError } from './progress';

const USAGE = `usage: dec-network <command>
  up [--foreground]     build Fabric if needed, start the consortium, deploy chaincode
                        (--foreground: stay attached; Ctrl-C stops the network)
  down [--keep-data]    stop the processes this network started and delete its run folder
  status                every process with its ports, health and memory; channel heights
  deploy [name...]      recompile and redeploy chaincode (next sequence) after a code change`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'up': {
      await up();
      if (!rest.includes('--foreground')) return 0;
      say('Running. Press Ctrl-C to stop the network.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await down({ keepData: false });
      return 0;
    }
    case 'down':
      await down({ keepData: rest.includes('--keep-data') });
      return 0;
    case 'status':
      return (await status()) ? 0 : 1;
    case 'deploy':
      await deploy(rest);
      return 0;
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UserFacingError) console.error(`\nerror: ${err.message}`);
    else console.error(`\nerror: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
