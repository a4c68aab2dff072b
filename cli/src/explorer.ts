/**
 * The explorer as a child process: its own package's `dec-explorer` bin, found
 * through the package's declared package.json, serving the built bundle and
 * proxying to the API. A child keeps the browser bundle's server out of this
 * process, as the explorer runs on its own in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_EXPLORER_PORT = 3001;

/** The explorer's server script, or undefined when the explorer is not built. */
function explorerBin(): string | undefined {
  const manifest = require.resolve('@dec/explorer-ui/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const serve = bin['dec-explorer'];
  const file = serve === undefined ? undefined : path.join(path.dirname(manifest), serve);
  return file !== undefined && existsSync(file) ? file : undefined;
}

/** Starts the explorer against `apiUrl` (trusting `apiCaFile` too, for an HTTPS API); undefined (and says so) when it is not built. */
export function startExplorer(apiUrl: string, apiCaFile?: string): ChildProcess | undefined {
  const serve = explorerBin();
  if (!serve) {
    process.stdout.write('explorer UI not built (npm run -w explorer-ui build); skipping it\n');
    return undefined;
  }
  return spawn(process.execPath, [serve], { stdio: 'inherit', env: { ...process.env, DEC_API_URL: apiUrl, ...(apiCaFile ? { NODE_EXTRA_CA_CERTS: apiCaFile } : {}) } });
}

/** Stops the explorer child and waits until it has exited. */
export async function stopExplorer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
