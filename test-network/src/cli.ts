#!/usr/bin/env node
/**
 * dec-network: up | down | status | deploy | bundle | org-crypto | k8s, on the
 * single-host network (network/topology.yaml, run folder .run) or, with
 * --hosts / --topology <file with hosts>, on the multi-host one (its own run
 * folder, e.g. .run-hosts). The topology is chosen before the rest loads:
 * the run folder follows from it.
 */
import path from 'node:path';
import { say, UserFacingError } from './progress';

const USAGE = `usage: dec-network [--hosts | --topology <file>] <command>
  up [--foreground]     build Fabric if needed, start the consortium, deploy chaincode
                        (--foreground: stay attached; Ctrl-C stops the network)
  down [--keep-data]    stop the processes this network started and delete its run folder
                        (multi-host: also the namespaces and bridge it made)
  status                every process with its ports, health and memory; channel heights
  deploy [name...]      recompile and redeploy chaincode (next sequence) after a code change
  bundle <org|host> --out <dir>
                        everything one host's admin needs on their own server (its own keys
                        only), as <dir> and <dir>.tar.gz; needs a generated network
  org-crypto <org> --out <dir>
                        make an org's crypto on its own host; only <dir>/public leaves it
  k8s --out <dir>       Kubernetes manifests of the consortium (deploy/README.md; not run here)
  consortium <command>  grow the running network: org-create, propose-add|remove|anchors, sign,
                        submit, join, definition, sidechain, org-stop (\`consortium help\`)
  --hosts               the multi-host topology network/topology.hosts.yaml (needs root)
  --topology <file>     another topology file (also DEC_TOPOLOGY)`;

/** Takes `--name value` out of argv. */
function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UserFacingError(`${name} needs a value`, USAGE);
  argv.splice(i, 2);
  return value;
}

function chooseTopology(argv: string[]): void {
  const hosts = argv.indexOf('--hosts');
  if (hosts >= 0) {
    argv.splice(hosts, 1);
    process.env.DEC_TOPOLOGY = path.resolve(__dirname, '..', '..', 'network', 'topology.hosts.yaml');
  }
  const file = option(argv, '--topology');
  if (file !== undefined) process.env.DEC_TOPOLOGY = path.resolve(file);
}

async function untilSignal(): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

async function hostCommand(command: string, rest: string[]): Promise<number> {
  const out = option(rest, '--out');
  const target = rest[0];
  if (target === undefined || out === undefined) throw new UserFacingError(`${command} needs <org> and --out <dir>`, USAGE);
  const { currentModel } = await import('./network');
  const { model } = currentModel();
  if (command === 'bundle') {
    const { makeBundle } = await import('./hosts/bundle');
    const { findHost } = await import('./hosts/layout');
    const m = await makeBundle(model, findHost(model, target), out);
    say(`bundle for ${m.host.name} (${[...m.orgs, ...m.orderers].join(', ')}): ${path.resolve(out)} and ${path.resolve(out)}.tar.gz`);
    return 0;
  }
  const { makeOrgCrypto } = await import('./hosts/org-crypto');
  const made = await makeOrgCrypto(model, target, out);
  say(`private crypto (stays here): ${made.cryptoDir}\npublic MSP definition (send it): ${made.publicDir}`);
  return 0;
}

/** Writes the Kubernetes manifests of the current topology (one namespace per org, see deploy/README.md). */
async function k8sCommand(rest: string[]): Promise<number> {
  const out = option(rest, '--out');
  if (out === undefined) throw new UserFacingError('k8s needs --out <dir>', USAGE);
  const { writeKubernetesManifests } = await import('@dec/network');
  const { currentModel } = await import('./network');
  for (const file of writeKubernetesManifests(currentModel().model, out)) say(file);
  return 0;
}

/** `up [--foreground]`: start (or resume) the network; in the foreground, Ctrl-C stops it. */
async function upCommand(rest: string[]): Promise<number> {
  const network = await import('./network');
  await network.up();
  if (!rest.includes('--foreground')) return 0;
  say('Running. Press Ctrl-C to stop the network.');
  await untilSignal();
  await network.down({ keepData: false });
  return 0;
}

/** Every command, by name: one line each. */
const COMMANDS: Record<string, (rest: string[], command: string) => Promise<number>> = {
  up: upCommand,
  down: async (rest) => {
    await (await import('./network')).down({ keepData: rest.includes('--keep-data') });
    return 0;
  },
  status: async () => ((await (await import('./network')).status()) ? 0 : 1),
  deploy: async (rest) => {
    await (await import('./network')).deploy(rest);
    return 0;
  },
  bundle: (rest, command) => hostCommand(command, rest),
  'org-crypto': (rest, command) => hostCommand(command, rest),
  k8s: k8sCommand,
  consortium: async (rest) => (await import('./consortium/cli')).consortiumMain(rest),
};

async function main(argv: string[]): Promise<number> {
  chooseTopology(argv);
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS[command];
  if (run === undefined) {
    console.error(USAGE);
    return command ? 2 : 0;
  }
  return run(rest, command ?? '');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UserFacingError) console.error(`\nerror: ${err.message}`);
    else console.error(`\nerror: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
