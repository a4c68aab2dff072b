/**
 * Token transfers into one hot account (a merchant), against the baseline of a
 * blind single-key write (`network:Beacon`) by the same callers, at the same
 * concurrency, on the same network, in the same run. Each worker is its own
 * payer, so a payer never races itself; all workers pay the same merchant and
 * the same fee account, which is what must not serialise.
 */
import { createParticipants, dec, enrollOperator, ensureGenesis, type ActorPool, type Participant } from '@dec/e2e';
import { runLoad, type LoadResult } from './load';
import { runOpenLoad } from './open-load';

export interface TransferBenchOptions {
  /** Offered rate (tx/s) of the open-loop rows; 0 or absent: half the slower workload's best closed-loop throughput. */
  openRate?: number;
  concurrencies: number[];
  txPerLevel: (concurrency: number) => number;
  log: (line: string) => void;
}

export async function tokenTransferBench(pool: ActorPool, options: TransferBenchOptions): Promise<LoadResult[]> {
  const operator = await enrollOperator(pool);
  await ensureGenesis(operator);
  const maxConc = Math.max(...options.concurrencies);
  options.log(`setting up ${maxConc} payers and a merchant (CA enrollment, eID registration, funding) ...`);
  const [merchant, ...payers] = (await createParticipants(pool, operator, maxConc + 1, { name: 'bench', fundWholeDec: 1_000 })) as [Participant, ...Participant[]];
  const amount = dec(1);

  const submitCode = async (p: Participant, fn: string, input: unknown) => {
    const tx = await p.actor.contract('energy').newProposal(fn, { arguments: [JSON.stringify(input)] }).endorse();
    return { code: (await (await tx.submit()).getStatus()).code };
  };
  const rows: LoadResult[] = [];
  for (const c of options.concurrencies) {
    const total = options.txPerLevel(c);
    options.log(`concurrency ${c}: ${total} baseline writes ...`);
    rows.push(await runLoad('baseline network:Beacon', c, total, (w, seq) => submitCode(payers[w]!, 'network:Beacon', { note: `b${seq}` })));
    options.log(`concurrency ${c}: ${total} transfers into one account ...`);
    rows.push(await runLoad('token:Transfer -> 1 account', c, total, (w) => submitCode(payers[w]!, 'token:Transfer', { from: payers[w]!.eid, to: merchant.eid, asset: 'DEC', amount })));
  }
  // Open loop below saturation: the latency a client sees when the network is not the bottleneck, queueing included.
  // Half of the slower workload's best closed-loop throughput: at half the baseline's, transfers into one
  // account were offered more than they can commit (34/s against 35/s at 50 clients) and queued for 16 s.
  const best = (prefix: string) => Math.max(...rows.filter((r) => r.name.startsWith(prefix)).map((r) => r.tps));
  const slower = Math.min(best('baseline'), best('token:Transfer'));
  const rate = options.openRate !== undefined && options.openRate > 0 ? options.openRate : Math.max(2, Math.floor(slower / 2));
  const total = rate * 20;
  options.log(`open loop at ${rate} tx/s (half the slower workload's best throughput unless BENCH_OPEN_RATE): ${total} baseline writes, then ${total} transfers ...`);
  const payer = (seq: number): Participant => payers[seq % payers.length]!;
  rows.push(await runOpenLoad('baseline network:Beacon', rate, total, (seq) => submitCode(payer(seq), 'network:Beacon', { note: `o${seq}` })));
  rows.push(await runOpenLoad('token:Transfer -> 1 account', rate, total, (seq) => submitCode(payer(seq), 'token:Transfer', { from: payer(seq).eid, to: merchant.eid, asset: 'DEC', amount })));
  return rows;
}
