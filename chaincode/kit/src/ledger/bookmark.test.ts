/**
 * A peer starts a paged read at the caller's bookmark instead of the range's start key, so
 * a bookmark from elsewhere would read other records (schemathesis found a 502 this way on
 * the real network). The ledger refuses a bookmark outside the query's range.
 */
import { expect } from 'chai';
import { z } from 'zod';
import { decoder } from '../validation/input';
import { MemoryStub, MemoryWorld } from '../testing';
import { ledgerStub } from '../contract/shim-stub';
import { Ledger } from './ledger';
import { orderedKey, orderedPrefixRange } from './ordered-keys';

const dNote = decoder(z.strictObject({ note: z.string() }), 'note');

function ledgerWith(records: Record<string, unknown>): Ledger {
  const world = new MemoryWorld();
  for (const [k, v] of Object.entries(records)) world.state.set(k, Buffer.from(JSON.stringify(v)));
  return new Ledger(ledgerStub(new MemoryStub(world, 'tx1', 0, 'Query', []).asStub()));
}

describe('kit ledger paged reads: the bookmark must lie in the query range', () => {
  const a = orderedKey('notes', 'a', '1');
  const other = orderedKey('accounts', 'x');

  it('pages an ordered range with its own bookmarks, and refuses one from outside it', async () => {
    const ledger = ledgerWith({ [a]: { note: 'one' }, [orderedKey('notes', 'a', '2')]: { note: 'two' }, [other]: { balance: '5' } });
    const { start, end } = orderedPrefixRange('notes', 'a');
    const first = await ledger.pageRange(start, end, 1, '', dNote);
    expect(first.items.map((e) => e.value.note)).to.deep.equal(['one']);
    const second = await ledger.pageRange(start, end, 1, first.bookmark, dNote);
    expect(second.items.map((e) => e.value.note)).to.deep.equal(['two']);
    for (const bookmark of [other, '0', end]) {
      const refusal = await ledger.pageRange(start, end, 1, bookmark, dNote).then(() => 'read', (e: unknown) => (e as Error).message);
      expect(refusal, bookmark).to.match(/VALIDATION: request\.bookmark: does not belong to this query/);
    }
  });

  it('refuses a bookmark outside a partial composite key', async () => {
    const ledger = ledgerWith({});
    const refusal = await ledger.page('notes', ['a'], 1, '\u0000accounts\u0000x\u0000', dNote).then(() => 'read', (e: unknown) => (e as Error).message);
    expect(refusal).to.match(/request\.bookmark/);
    expect((await ledger.page('notes', ['a'], 1, '', dNote)).items).to.deep.equal([]);
  });
});
