/**
 * Reads a V8 .cpuprofile (`node --cpu-prof`) and prints where the time went:
 * self time per function and per package or file, largest first. Used on the
 * gateway API's profile from the REST benchmark (BENCH_API_CPU_PROF=<dir>):
 *
 *   node bench/dist/profile-summary.js <dir or file.cpuprofile> [top]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: { name: string; ms: number }[];
  byPlace: { place: string; ms: number }[];
}

/** node_modules/<package> (scoped too), a workspace file, or node's own (node:...), or a V8 pseudo-frame. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'native'})`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm?.[1]) return nm[1];
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '').replace(/^.*?\/(?=[^/]+\/(?:dist|src)\/)/, '');
}

export function summarise(profile: Profile, top = 25): ProfileSummary {
  const msById = new Map<number, number>();
  profile.samples.forEach((id, i) => msById.set(id, (msById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fns = new Map<string, number>();
  const places = new Map<string, number>();
  let totalMs = 0;
  for (const n of profile.nodes) {
    const ms = msById.get(n.id) ?? 0;
    if (ms === 0) continue;
    totalMs += ms;
    const place = placeOf(n.callFrame.url, n.callFrame.functionName);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${place}:${n.callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
    places.set(place, (places.get(place) ?? 0) + ms);
  }
  const sorted = <K extends string>(m: Map<string, number>, key: K) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => ({ [key]: k, ms }) as Record<K, string> & { ms: number });
  return { totalMs, byFunction: sorted(fns, 'name'), byPlace: sorted(places, 'place') };
}

function main(): void {
  const [target, topArg] = process.argv.slice(2);
  if (!target) throw new Error('usage: profile-summary <dir or .cpuprofile> [top]');
  const files = statSync(target).isDirectory() ? readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(target, f)) : [target];
  for (const file of files) {
    const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(topArg ?? 25));
    const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)} %`;
    console.log(`${file}: ${(s.totalMs / 1000).toFixed(1)} s sampled\nby package / file (self time):`);
    for (const p of s.byPlace) console.log(`  ${pct(p.ms)}  ${p.place}`);
    console.log('by function (self time):');
    for (const f of s.byFunction) console.log(`  ${pct(f.ms)}  ${f.name}`);
  }
}

if (require.main === module) main();
