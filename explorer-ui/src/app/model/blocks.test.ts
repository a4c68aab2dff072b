import { expect } from 'chai';
import type { DecodedBlock } from '../api/types';
import { blockPage, mergeLive, rowOfBlock, type BlockRow } from './blocks';

const tx = (ts: string, fn = 'token:Transfer', msp = 'BankMSP', code = 'VALID') => ({
  transactionId: ts, type: 'ENDORSER_TRANSACTION', channel: 'energy', timestamp: ts, validationCode: code, creator: { mspId: msp }, function: fn,
});
const block = (n: number, txs: ReturnType<typeof tx>[]): DecodedBlock => ({ number: String(n), previousHash: '', dataHash: '', transactionCount: txs.length, transactions: txs });

describe('block paging', () => {
  it('pages down from the head in fixed pages, anchored at a block number', () => {
    expect(blockPage(357, undefined, 10)).to.deep.equal({ numbers: [356, 355, 354, 353, 352, 351, 350, 349, 348, 347], atHead: true, older: 346 });
    const p = blockPage(357, 346, 10);
    expect(p.numbers[0]).to.equal(346);
    expect(p.numbers).to.have.length(10);
    expect(p.newer).to.equal(undefined); // the next newer page is the head itself
    expect(blockPage(357, 300, 10).newer).to.equal(310);
    expect(blockPage(5, 3, 10)).to.deep.equal({ numbers: [3, 2, 1, 0], atHead: false });
    expect(blockPage(5000, 999999, 10).atHead).to.equal(true);
    expect(blockPage(0, undefined).numbers).to.deep.equal([]);
  });
  it('summarises a block and merges live rows on top without duplicates', () => {
    const row = rowOfBlock(block(9, [tx('2026-01-01T00:00:01Z'), tx('2026-01-01T00:00:03Z', 'network:Probe', 'GridMSP', 'MVCC_READ_CONFLICT')]));
    expect(row).to.deep.equal({
      number: 9, transactionCount: 2, time: '2026-01-01T00:00:03Z', functions: ['token:Transfer', 'network:Probe'], creators: ['BankMSP', 'GridMSP'], invalid: 1,
    });
    const rows: BlockRow[] = [8, 7, 6].map((n) => ({ ...row, number: n }));
    expect(mergeLive(rows, row, 3).map((r) => r.number)).to.deep.equal([9, 8, 7]);
    expect(mergeLive(rows, { ...row, number: 8 }, 3)).to.equal(rows);
  });
});
