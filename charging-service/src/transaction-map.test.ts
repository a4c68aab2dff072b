import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransactionMap } from './transaction-map';

describe('OCPP transaction map (persisted)', () => {
  it('survives a restart: sessions and the next transactionId come back from the file; a stopped one stays gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'txmap-'));
    try {
      const file = join(dir, 'transactions.json');
      const a = new TransactionMap(file);
      expect(a.add('ses:1')).to.equal(1);
      expect(a.add('ses:2')).to.equal(2);
      a.delete(1);
      const b = new TransactionMap(file);
      expect(b.get(1)).to.equal(undefined);
      expect(b.get(2)).to.equal('ses:2');
      expect(b.add('ses:3')).to.equal(3);
      expect(new TransactionMap().add('x')).to.equal(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
