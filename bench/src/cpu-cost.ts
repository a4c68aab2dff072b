/**
 * CPU cost per unit of work, per process: CPU time (user + system) each
 * process of the network and of the benchmark used between two samples, read
 * from /proc/<pid>/stat, divided by the units of work committed in between.
 *
 * Why: on a machine whose cores are shared (2 cores, several engineers and
 * their networks), wall-clock throughput says more about the neighbours than
 * about the code; the CPU a process spends per committed reading or request
 * does not depend on how long it waited for a core. A process counts with its
 * whole process group (the network starts each process in a group of its own,
 * so a chaincode server's launcher and the node process it runs add up).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { records } from '@dec/test-network';

/** A process to account for: its name and role (peer, orderer, chaincode, gateway, ingestor, broker, ...). */
export interface ProcessRef {
  name: string;
  kind: string;
  pid: number;
  /** Count the process alone, not its process group (the benchmark's own process, whose group is npm's). */
  alone?: boolean;
}

export interface CpuSample {
  at: number;
  /** CPU milliseconds (user + system) per process name since it started. */
  cpuMs: Map<string, number>;
  loadavg1: number;
}

export interface ProcessCost {
  name: string;
  kind: string;
  cpuMs: number;
  msPerUnit: number;
}

export interface CpuCost {
  unit: string;
  units: number;
  wallSeconds: number;
  /** One-minute load average at the end (how contended the cores were). */
  loadavg1: number;
  processes: ProcessCost[];
  /** Per kind, summed over its processes: CPU ms per unit. */
  byKind: Record<string, number>;
  totalMsPerUnit: number;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime (clock ticks) and process group of one /proc/<pid>/stat line. */
export function parseStat(stat: string): { pgid: number; ticks: number } {
  // The command name (field 2) may hold spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): pgrp is field 5, utime field 14, stime field 15.
  return { pgid: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** CPU ticks of every live process, keyed by pid, with its process group. */
function allStats(): Map<number, { pgid: number; ticks: number }> {
  const out = new Map<number, { pgid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      out.set(Number(entry), parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      /* ended meanwhile */
    }
  }
  return out;
}

/** CPU ms of each process (with its process group), now. A process that is gone counts 0. */
export function sampleCpu(processes: ProcessRef[]): CpuSample {
  const stats = allStats();
  const msPerTick = 1000 / clockTicks();
  const cpuMs = new Map<string, number>();
  for (const p of processes) {
    let ticks = 0;
    for (const [pid, s] of stats) if (pid === p.pid || (!p.alone && s.pgid === p.pid)) ticks += s.ticks;
    cpuMs.set(p.name, ticks * msPerTick);
  }
  return { at: Date.now(), cpuMs, loadavg1: loadavg()[0] ?? 0 };
}

/** CPU spent per unit between two samples, per process and per kind. */
export function cpuCost(processes: ProcessRef[], before: CpuSample, after: CpuSample, units: number, unit: string): CpuCost {
  const per = (ms: number): number => (units > 0 ? ms / units : 0);
  const costs = processes.map((p) => {
    const cpuMs = Math.max(0, (after.cpuMs.get(p.name) ?? 0) - (before.cpuMs.get(p.name) ?? 0));
    return { name: p.name, kind: p.kind, cpuMs, msPerUnit: per(cpuMs) };
  });
  const byKind: Record<string, number> = {};
  for (const c of costs) byKind[c.kind] = (byKind[c.kind] ?? 0) + c.msPerUnit;
  return {
    unit,
    units,
    wallSeconds: (after.at - before.at) / 1000,
    loadavg1: after.loadavg1,
    processes: costs,
    byKind,
    totalMsPerUnit: costs.reduce((s, c) => s + c.msPerUnit, 0),
  };
}

/** The processes of the running network (peers, orderers, chaincode servers, CAs), by their records. */
export function networkProcesses(): ProcessRef[] {
  return records().map((r) => ({ name: r.name, kind: r.kind === 'service' ? r.name : r.kind, pid: r.pid }));
}

/** Measures `work` (which returns the units it committed) between two samples. */
export async function measureCpu(processes: () => ProcessRef[], unit: string, work: () => Promise<number>): Promise<CpuCost> {
  const refs = processes();
  const before = sampleCpu(refs);
  const units = await work();
  return cpuCost(refs, before, sampleCpu(refs), units, unit);
}

/** Several measurements of the same work as one: CPU and units summed per process. */
export function mergeCosts(costs: CpuCost[]): CpuCost {
  const first = costs[0];
  if (!first) throw new Error('mergeCosts: nothing to merge');
  const units = costs.reduce((s, c) => s + c.units, 0);
  const refs = first.processes.map((p) => ({ name: p.name, kind: p.kind, pid: 0 }));
  const total = (name: string): number => costs.reduce((s, c) => s + (c.processes.find((p) => p.name === name)?.cpuMs ?? 0), 0);
  const zero: CpuSample = { at: 0, loadavg1: 0, cpuMs: new Map() };
  const end: CpuSample = { at: costs.reduce((s, c) => s + c.wallSeconds * 1000, 0), loadavg1: costs[costs.length - 1]?.loadavg1 ?? 0, cpuMs: new Map(refs.map((r) => [r.name, total(r.name)])) };
  return cpuCost(refs, zero, end, units, first.unit);
}

/** One line per kind: CPU ms per unit, largest first, and the total. */
export function formatCpuCost(c: CpuCost): string {
  const kinds = Object.entries(c.byKind).sort((a, b) => b[1] - a[1]);
  return (
    `CPU per ${c.unit} (${c.units} ${c.unit}s, ${c.wallSeconds.toFixed(1)} s, load average ${c.loadavg1.toFixed(1)}): ` +
    `${c.totalMsPerUnit.toFixed(2)} ms in all — ${kinds.map(([k, ms]) => `${k} ${ms.toFixed(2)}`).join(', ')}`
  );
}
