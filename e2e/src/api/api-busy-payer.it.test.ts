/**
 * A busy payer, as an integrator meets it (issue 14 item 2): eight concurrent
 * 1-DEC transfers through the REST API from an account holding 5 DEC. The
 * gateway submits an account's debits one after another (its lane), so each
 * sees the balance the last one left: exactly five commit, three are refused
 * for insufficient funds, and no client ever sees an MVCC conflict. Five rounds.
 */
import { expect } from 'chai';
import { startApiWorld, type ApiWorld } from './api-world';
import type { ApiClient, Reply } from '../fixtures/api-client';
import { tokenParties, type TokenParties } from '../explorer/scenario';

const ONE_DEC = 10n ** 18n;
const ROUNDS = 5;
const CONCURRENT = 8;

interface ErrorReply {
  error?: { code?: string; message?: string };
}

async function decBalance(client: ApiClient, account: string): Promise<bigint> {
  const r = await client.post<{ result: { balance: string } }>('/api/v1/energy/token/balance', { account, asset: 'DEC' });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return BigInt(r.body.result.balance);
}

function send(from: ApiClient, fromEid: string, toEid: string, amount: bigint, memo: string): Promise<Reply<ErrorReply>> {
  return from.post<ErrorReply>('/api/v1/energy/token/transfer', { from: fromEid, to: toEid, asset: 'DEC', amount: amount.toString(), memo });
}

describe('busy payer through the REST API (gateway submission lanes)', function () {
  let world: ApiWorld;
  let parties: TokenParties;
  let payee: ApiClient;

  before(async function () {
    this.timeout(300_000);
    world = await startApiWorld();
    const operator = await world.newUser('PlatformMSP', 'busy-op', { role: 'operator' });
    const payer = await world.newUser('PlatformMSP', 'busy-payer');
    payee = await world.newUser('PlatformMSP', 'busy-payee');
    parties = await tokenParties(operator, payer, payee, `busy-${world.run}`);
    // Leave the payer exactly 5 DEC.
    const extra = (await decBalance(payer, parties.payerEid)) - 5n * ONE_DEC;
    const r = await send(payer, parties.payerEid, parties.payeeEid, extra, 'leave 5');
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
  });

  after(async () => {
    await world.close();
  });

  it('commits exactly the 5 debits the balance covers and refuses 3 for funds, never MVCC, five rounds in a row', async function () {
    this.timeout(600_000);
    for (let round = 1; round <= ROUNDS; round++) {
      expect(await decBalance(parties.payer, parties.payerEid), `round ${round} starts at 5 DEC`).to.equal(5n * ONE_DEC);
      const replies = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) => send(parties.payer, parties.payerEid, parties.payeeEid, ONE_DEC, `busy ${round}.${i}`)),
      );
      const committed = replies.filter((r) => r.status === 200).length;
      const refused = replies.filter((r) => r.status === 409 && r.body.error?.code === 'CONFLICT' && /insufficient DEC/.test(r.body.error.message ?? ''));
      const mvcc = replies.filter((r) => r.body.error?.code === 'MVCC_CONFLICT');
      console.log(`      round ${round}: ${committed} committed, ${refused.length} refused for funds, ${mvcc.length} MVCC`);
      expect(mvcc, JSON.stringify(mvcc.map((r) => r.body))).to.have.length(0);
      expect(committed).to.equal(5);
      expect(refused).to.have.length(CONCURRENT - 5);
      expect(await decBalance(parties.payer, parties.payerEid)).to.equal(0n);
      const back = await send(payee, parties.payeeEid, parties.payerEid, 5n * ONE_DEC, `refill ${round}`);
      expect(back.status, JSON.stringify(back.body)).to.equal(200);
    }
  });
});
