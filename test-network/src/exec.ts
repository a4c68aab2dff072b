/** Runs Fabric's CLI tools, capturing output; a failure carries the tool's last lines. */
import { spawn } from 'node:child_process';
import { UserFacingError } from './progress';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** What to tell the user if the command fails. */
  hint?: string;
}

export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e) => {
      reject(new UserFacingError(`cannot run ${cmd}: ${e.message}`, opts.hint ?? 'check that the Fabric binaries are built: npm run fabric:build'));
    });
    child.on('close', (code) => {
      if (code === 0) {
        resolve(out + err);
        return;
      }
      const tail = (err || out).trim().split('\n').slice(-8).join('\n    ');
      reject(new UserFacingError(`${cmd.split('/').pop()} ${args.slice(0, 4).join(' ')} failed (exit ${code}):\n    ${tail}`, opts.hint ?? 'see the output above'));
    });
  });
}
