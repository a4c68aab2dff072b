#!/usr/bin/env node
/**
 * dec-consortium: grow or shrink the running consortium, one org admin per
 * command, as each admin would on its own host; config updates and signatures
 * travel as files. Registered in test-network's CLI as `consortium <command>`,
 * and runnable on its own: node test-network/dist/consortium/cli.js <command>.
 */
import { say, UserFacingError } from '../progress';
import { definition, join, orgCreate, orgStop, proposeAdd, proposeAnchors, proposeRemove, sign, submit } from './commands';
import { proposeCrl } from './propose-crl';
import { sidechain } from './sidechain';

export const CONSORTIUM_USAGE = `usage: consortium <command>
  org-create --org <MSP> --out <definition.json>        on the new org's host: its crypto, CA, public MSP definition
  propose-add <channel> --as <MSP> --org <MSP> --definition <file> --out <update.pb>
  propose-remove <channel> --as <MSP> --org <MSP> --out <update.pb>
  propose-anchors <channel> --org <MSP> --out <update.pb>   (the org's own admin)
  propose-crl --org <MSP> [--crl <crl.pem>] --out <dir>     the org's CRL (default: its CA's current one) into its MSP on each of its channels
  sign <update.pb> --org <MSP> --out <signature.json>       that org's admin signs (its own key)
  submit <update.pb> --as <MSP> [<signature.json> ...]      send to the orderer; says who still must sign
  join <channel> --org <MSP>                                a joining org's peers join the channel
  definition <channel> --chaincode <name> --members <MSP,...>  next chaincode definition naming the members
  org-stop --org <MSP> [--purge]                            stop a joining org's processes (purge: delete its folder)
  sidechain <channel> --orgs <MSP,...> --chaincode <name>   new channel among some orgs, chaincode deployed on it`;

/** `--name value` from the arguments; `required` names what is missing when absent. */
function option(args: string[], name: string): string {
  const at = args.indexOf(name);
  const value = at >= 0 ? args[at + 1] : undefined;
  if (value === undefined || value.startsWith('--')) throw new UserFacingError(`missing ${name} <value>`, CONSORTIUM_USAGE);
  return value;
}

/** Positional arguments (everything not an option or an option's value). */
function positional(args: string[]): string[] {
  const flags = new Set(['--purge']);
  return args.filter((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1]?.startsWith('--') || flags.has(args[i - 1] ?? '')));
}

function firstPositional(args: string[], what: string): string {
  const value = positional(args)[0];
  if (value === undefined) throw new UserFacingError(`missing <${what}>`, CONSORTIUM_USAGE);
  return value;
}

const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);

type Command = (args: string[]) => Promise<unknown>;

const COMMANDS: Record<string, Command> = {
  'org-create': (a) => orgCreate(option(a, '--org'), option(a, '--out')),
  'propose-add': (a) => proposeAdd(firstPositional(a, 'channel'), option(a, '--as'), option(a, '--definition'), option(a, '--org'), option(a, '--out')),
  'propose-remove': (a) => proposeRemove(firstPositional(a, 'channel'), option(a, '--as'), option(a, '--org'), option(a, '--out')),
  'propose-anchors': (a) => proposeAnchors(firstPositional(a, 'channel'), option(a, '--org'), option(a, '--out')),
  'propose-crl': (a) => proposeCrl(option(a, '--org'), a.includes('--crl') ? option(a, '--crl') : undefined, option(a, '--out')),
  sign: (a) => sign(firstPositional(a, 'update.pb'), option(a, '--org'), option(a, '--out')),
  submit: (a) => submit(firstPositional(a, 'update.pb'), option(a, '--as'), positional(a).slice(1)),
  join: (a) => join(firstPositional(a, 'channel'), option(a, '--org')),
  definition: (a) => definition(firstPositional(a, 'channel'), option(a, '--chaincode'), list(option(a, '--members'))),
  'org-stop': (a) => orgStop(option(a, '--org'), a.includes('--purge')),
  sidechain: (a) => sidechain(firstPositional(a, 'channel'), list(option(a, '--orgs')), option(a, '--chaincode')),
};

/** Runs one consortium command; returns the exit code (2 for usage errors). */
export async function consortiumMain(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS[command];
  if (!run) {
    console.error(CONSORTIUM_USAGE);
    return command ? 2 : 0;
  }
  await run(rest);
  return 0;
}

if (require.main === module) {
  consortiumMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof UserFacingError) console.error(`\nerror: ${err.message}`);
      else console.error(`\nerror: ${err instanceof Error ? err.stack : String(err)}`);
      say('failed');
      process.exit(1);
    },
  );
}
