/**
 * Chaincode definition changes take the test network's deploy lock (the same
 * file `deploy` uses, .run/deploy.lock holding the holder's PID): a definition
 * update racing a redeploy would approve two definitions at one sequence.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { runPath } from '../paths';
import { sleep } from '../processes';
import { say } from '../progress';

function holderAlive(lock: string): boolean {
  try {
    const holder = Number(readFileSync(lock, 'utf8'));
    process.kill(holder, 0);
    return holder !== process.pid;
  } catch {
    return false;
  }
}

export async function withDeployLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = runPath('deploy.lock');
  for (let announced = false; ; ) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      if (!holderAlive(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (!announced) say('waiting for a chaincode deploy to finish ...');
      announced = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
