/**
 * The collection relay as its own OS process (the `dec-collection-relay` bin),
 * so the suite can kill it with SIGKILL mid-way and start it again from its checkpoint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const requireHere = createRequire(__filename);
const RELAY_CLI = path.join(path.dirname(requireHere.resolve('@dec/gateway-api/package.json')), 'dist', 'relay', 'cli.js');

export interface RelayIdentity {
  mspId: string;
  certificate: string;
  privateKey: string;
}

export class RelayProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(
    private readonly dir: string,
    private readonly id: RelayIdentity,
  ) {
    writeFileSync(path.join(dir, 'cert.pem'), id.certificate);
    writeFileSync(path.join(dir, 'key.pem'), id.privateKey, { mode: 0o600 });
  }

  get checkpointFile(): string {
    return path.join(this.dir, 'checkpoint.json');
  }

  start(): void {
    const args = [RELAY_CLI, '--msp', this.id.mspId, '--cert', path.join(this.dir, 'cert.pem'), '--key', path.join(this.dir, 'key.pem'), '--checkpoint', this.checkpointFile];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => (this.output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (this.output += b.toString('utf8')));
    this.child = child;
  }

  /** SIGKILL: no chance to finish anything or write its checkpoint. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }
}
