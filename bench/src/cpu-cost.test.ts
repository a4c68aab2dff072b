import { expect } from 'chai';
import { cpuCost, formatCpuCost, parseStat, sampleCpu, type CpuSample } from './cpu-cost';

describe('cpu cost per unit (bench)', () => {
  it('reads utime + stime and the process group from a stat line whose command holds spaces and parentheses', () => {
    const line = '4242 (node (my) app) S 1 4200 4200 0 -1 4194560 100 0 0 0 250 75 3 4 20 0 11 0 123456 0 0';
    expect(parseStat(line)).to.deep.equal({ pgid: 4200, ticks: 325 });
  });

  it('sees this process spend CPU between two samples', () => {
    const me = [{ name: 'bench', kind: 'bench', pid: process.pid, alone: true }];
    const before = sampleCpu(me);
    let x = 0;
    for (let i = 0; i < 3e7; i++) x += i % 7;
    const after = sampleCpu(me);
    expect(x).to.be.greaterThan(0);
    expect(after.cpuMs.get('bench')).to.be.greaterThan(before.cpuMs.get('bench') ?? 0);
  });

  it('divides each process delta by the units, sums per kind, and never counts a negative delta', () => {
    const refs = [
      { name: 'peer0', kind: 'peer', pid: 1 },
      { name: 'peer1', kind: 'peer', pid: 2 },
      { name: 'cc', kind: 'chaincode', pid: 3 },
    ];
    const sample = (at: number, ms: number[]): CpuSample => ({ at, loadavg1: 1.5, cpuMs: new Map(refs.map((r, i) => [r.name, ms[i] ?? 0])) });
    const c = cpuCost(refs, sample(0, [100, 200, 50]), sample(2000, [300, 500, 40]), 100, 'reading');
    expect(c.byKind).to.deep.equal({ peer: 5, chaincode: 0 });
    expect(c.totalMsPerUnit).to.equal(5);
    expect(c.wallSeconds).to.equal(2);
    expect(formatCpuCost(c)).to.equal('CPU per reading (100 readings, 2.0 s, load average 1.5): 5.00 ms in all — peer 5.00, chaincode 0.00');
  });
});
