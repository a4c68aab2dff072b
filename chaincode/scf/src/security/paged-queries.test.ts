/**
 * Issue 13 "also broken": paged queries crashed when `pageSize`/`bookmark` were
 * left out although the schema makes them optional. This walks the scf
 * transaction map and calls every evaluate transaction whose input has paging
 * fields with none of them. The scf chaincode has none today (its reads are
 * single keys or bounded ranges); the test lists them so a new paged query is
 * covered the day it is added.
 */
import { expect } from 'chai';
import type { z } from 'zod';
import { SCF_TRANSACTIONS } from '../transactions';
import { Scf, who } from '../test-support/fixtures';

const PAGING = ['pageSize', 'bookmark'];

/** Names of the paging fields of an input schema (a zod object's shape). */
function pagingFields(input: z.ZodType | undefined): string[] {
  const shape = (input as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  return Object.keys(shape).filter((k) => PAGING.includes(k));
}

describe('scf paged queries without paging fields (issue 13)', () => {
  const lines = Object.entries(SCF_TRANSACTIONS.transactions as Record<string, { kind: string; input?: z.ZodType }>);
  const paged = lines.filter(([, tx]) => tx.kind === 'evaluate' && pagingFields(tx.input).length > 0);

  it('knows which scf queries are paged (none today)', () => {
    expect(paged.map(([name]) => name)).to.deep.equal([]);
  });

  for (const [name] of paged) {
    it(`${name} answers with no pageSize or bookmark`, async () => {
      const s = new Scf();
      const out = await s.result<{ items: unknown[]; bookmark: string }>(name, who.regulator, {});
      expect(out.items).to.be.an('array');
    });
  }
});
