/**
 * Issue 13 ("also broken"): every paged query of the energy chaincode must
 * answer when `pageSize` and `bookmark` are omitted, including when the page
 * is empty. A real peer sends no pagination metadata for an empty last page
 * (the in-memory stub models that), which crashed six queries with "Cannot
 * read properties of undefined (reading 'bookmark')". The queries are found by
 * iterating the transaction map, so a new paged query is covered (or, if its
 * fields have no sample below, fails this test) without anyone remembering it.
 */
import { expect } from 'chai';
import type { DecContract } from '@dec/chaincode-kit';
import { splitTxName, type TxSpec } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { ChargingContract } from './charging/contract';
import { CrowdfundingContract } from './crowdfunding/contract';
import { SocialContract } from './social/contract';
import { StoreContract } from './store/contract';
import { MaintenanceContract } from './maintenance/contract';
import { RentalContract } from './rental/contract';
import type { Ppa } from './market/state';
import { operator, user } from './test-support/energy-world';
import { MarketWorld, SLOT, iso, SLOT_MS } from './test-support/market-world';
import { ENERGY_TRANSACTIONS } from './transactions';

const SPECS: Readonly<Record<string, TxSpec<unknown>>> = ENERGY_TRANSACTIONS.transactions;

/** The fields of a transaction's input object (none without input). */
function fieldsOf(spec: TxSpec<unknown> | undefined): Record<string, z.ZodType> {
  return spec?.input ? (spec.input as z.ZodObject).shape : {};
}

/** The paged queries: evaluate transactions whose input has a `pageSize` field. */
function pagedQueries(): string[] {
  return Object.entries(SPECS)
    .filter(([, spec]) => spec.kind === 'evaluate' && 'pageSize' in fieldsOf(spec))
    .map(([name]) => name);
}

/** Only the required fields of a query's input, from the samples. */
function requiredInput(name: string, samples: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(fieldsOf(SPECS[name]))) {
    if (schema.safeParse(undefined).success) continue; // optional or defaulted: omitted on purpose
    if (!(field in samples)) throw new Error(`${name}: no sample value for required field ${field}; add one to this test`);
    input[field] = samples[field];
  }
  return input;
}

describe('paged queries with no paging fields (issue 13)', () => {
  it('every paged query of the transaction map answers a page when pageSize and bookmark are omitted, also when the page is empty', async () => {
    const w = new MarketWorld();
    await w.setup();
    const seller = user('pager-seller');
    const buyer = user('pager-buyer', 'BankMSP');
    const sellerEid = await w.trader(seller, ['producer'], 0);
    const buyerEid = await w.trader(buyer, ['consumer'], 0);
    const sm = await w.meter(seller, sellerEid);
    const bm = await w.meter(buyer, buyerEid);
    const ppa = await w.mk<Ppa>('ProposePpa', seller, { seller: sellerEid, sellerMeter: sm.eid, buyer: buyerEid, buyerMeter: bm.eid, zone: 'ZONE-A', quantityWh: '1000', price: '10', firstSlot: SLOT, lastSlot: iso(SLOT_MS) });
    // Samples chosen so that most pages are empty: the case a real peer answers without metadata.
    const samples: Record<string, unknown> = { role: 'fundraiser', ownerEid: buyerEid, account: buyerEid, asset: 'DEC', meter: bm.eid, zone: 'ZONE-EMPTY', slot: SLOT, eid: buyerEid, ppaId: ppa.id, latE6: 0, lonE6: 0, projectId: `proj:${'0'.repeat(32)}`, holder: buyerEid, electionId: `election:${'0'.repeat(32)}`, roundId: `round:${'0'.repeat(32)}`, category: 'pv-panels', party: buyerEid, side: 'buyer', provider: buyerEid };
    const contracts: Record<string, DecContract> = { identity: w.identity, token: w.token, metering: w.metering, market: w.market, charging: new ChargingContract(), crowdfunding: new CrowdfundingContract(), governance: w.governance, store: new StoreContract(), social: new SocialContract(), maintenance: new MaintenanceContract(), rental: new RentalContract() };

    const names = pagedQueries();
    expect(names).to.include.members(['identity:ListByRole', 'identity:ListDevices', 'metering:Anomalies', 'metering:Intervals', 'metering:MetersInZone', 'metering:Readings']);
    const failures: string[] = [];
    for (const name of names) {
      const { contract, fn } = splitTxName(name);
      const target = contracts[contract];
      if (!target) throw new Error(`no contract ${contract} in the test world`);
      try {
        const { result } = await w.h.invoke(target, fn, operator, [JSON.stringify(requiredInput(name, samples))]);
        const page = result as { items?: unknown; bookmark?: unknown };
        if (!Array.isArray(page.items) || typeof page.bookmark !== 'string') failures.push(`${name}: not a page: ${JSON.stringify(result)}`);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).to.deep.equal([]);
    expect(names.length).to.be.greaterThanOrEqual(13);
  });
});
