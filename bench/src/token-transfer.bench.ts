/**
 * Token transfers into one hot account (a merchant), against the baseline of a
 * blind single-key write (`network:Beacon`) by the same callers, at the same
 * concurrency, on the same network, in the same run. Each worker is its own
 * payer, so a payer never races itself; all workers pay the same merchant and
 * the same fee account, which is what must not serialise.
 */
import { createParticipants, dec, enrollOperator, ensureGenesis, type ActorPool, type Participant } from '@dec/e2e';
import { runLoad, type LoadResult } from './load';

export interface TransferBenchOptions {
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

  const rows: LoadResult[] = [];
  for (const c of options.concurrencies) {
    const total = options.txPerLevel(c);
    const submitCode = async (p: Participant, fn: string, input: unknown) => {
      const tx = await p.actor.contract('energy').newProposal(fn, { arguments: [JSON.stringify(input)] }).endorse();
      return { code: (await (await tx.submit()).getStatus()).code };
    };
    options.log(`concurrency ${c}: ${total} baseline writes ...`);
    rows.push(await runLoad('baseline network:Beacon', c, total, (w, seq) => submitCode(payers[w]!, 'network:Beacon', { note: `b${seq}` })));
    options.log(`concurrency ${c}: ${total} transfers into one account ...`);
    rows.push(await runLoad('token:Transfer -> 1 account', c, total, (w) => submitCode(payers[w]!, 'token:Transfer', { from: payers[w]!.eid, to: merchant.eid, asset: 'DEC', amount })));
  }
  return rows;
}
