/**
 * The baseline of CPU cost: a blind single-key write (`network:Beacon`) by a
 * direct fabric-gateway client, closed loop, with the CPU every process of the
 * network (and this one, the load generator) spent per committed transaction.
 * Printed beside the CPU per meter reading and per REST request of the same run,
 * so a figure can be read against what the network costs per transaction at all.
 */
import type { ActorPool } from '@dec/e2e';
import { measureCpu, networkProcesses, type CpuCost } from './cpu-cost';
import { runLoad, type LoadResult } from './load';

export async function baselineCpu(pool: ActorPool, o: { concurrency: number; total: number; mspId?: string }): Promise<{ load: LoadResult; cpu: CpuCost }> {
  const actor = await pool.enroll(o.mspId ?? 'BankMSP', 'bench-cpu-baseline', {});
  const beacon = async (note: string): Promise<{ code: number }> => {
    const tx = await actor.contract('energy').newProposal('network:Beacon', { arguments: [JSON.stringify({ note })] }).endorse();
    return { code: (await (await tx.submit()).getStatus()).code };
  };
  await beacon('cpu-warm-up');
  let load: LoadResult | undefined;
  const procs = () => [...networkProcesses(), { name: 'load generator', kind: 'load generator', pid: process.pid, alone: true }];
  const cpu = await measureCpu(procs, 'transaction', async () => {
    load = await runLoad('baseline network:Beacon (CPU)', o.concurrency, o.total, (_w, seq) => beacon(`cpu${seq}`));
    return load.committed;
  });
  if (!load) throw new Error('baseline load did not run');
  return { load, cpu };
}
