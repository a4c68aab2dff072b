/**
 * A recorded process is "alive" by its PID and kernel start time, not by its
 * command line: the line changes across the launcher's exec chain and reads
 * empty while an exec is under way, which once made a healthy node look exited.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAlive, sleep, type ProcessRecord } from './processes';

function recordOf(pid: number, startTicks?: number): ProcessRecord {
  return { name: 't', kind: 'service', pid, command: '/not/the/program', ports: {}, log: '/dev/null', startedAt: '', startTicks };
}

function startTicksOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
}

describe('isAlive (test-network process records)', () => {
  it('holds through a chain of execs whose command lines name another program', async () => {
    const child = spawn('sh', ['-c', 'D=$(pwd); exec sleep 2'], { stdio: 'ignore' });
    const pid = child.pid ?? 0;
    const r = recordOf(pid, startTicksOf(pid));
    for (let i = 0; i < 200; i++) expect(isAlive(r)).to.equal(true);
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
    expect(isAlive(r)).to.equal(false);
  });

  it('refuses a reused PID: same number, another start time', async () => {
    const child = spawn('sleep', ['2'], { stdio: 'ignore' });
    const pid = child.pid ?? 0;
    await sleep(20);
    expect(isAlive(recordOf(pid, startTicksOf(pid) - 1))).to.equal(false);
    child.kill();
  });
});
