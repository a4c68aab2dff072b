import { expect } from 'chai';
import { z } from 'zod';
import type { ChaincodeTable, TxDef } from '../chaincode/table';
import { bodySchema, chaincodeCall } from './transactions';

describe('transaction routes: what reaches the chaincode', () => {
  const table: ChaincodeTable = { channel: 'scf', chaincode: 'scf', transactions: [] };

  it('sends the parsed, validated body (zod output), not the raw request body', () => {
    const tx: TxDef = { name: 'demo:Do', kind: 'submit', summary: 'demo', input: z.object({ note: z.string().trim(), count: z.number().int().default(1) }) };
    const raw = { note: '  hi  ', extra: { __proto__: { polluted: true } }, injected: 'x' };
    const parsed = bodySchema(tx)?.parse(raw);
    const call = chaincodeCall(table, tx, parsed);
    expect(call.args).to.deep.equal([JSON.stringify({ note: 'hi', count: 1 })]);
    expect(call.args[0]).to.not.include('injected');
  });

  it('sends transient fields from the parsed body only, each as JSON', () => {
    const tx: TxDef = {
      name: 'demo:Private',
      kind: 'submit',
      summary: 'demo',
      input: z.object({ id: z.string() }),
      transient: { terms: { required: true, schema: z.object({ rate: z.number() }) } },
    };
    const parsed = bodySchema(tx)?.parse({ input: { id: 'L1', junk: 1 }, transient: { terms: { rate: 5, hidden: 'x' }, other: 'y' } });
    const call = chaincodeCall(table, tx, parsed);
    expect(call.args).to.deep.equal([JSON.stringify({ id: 'L1' })]);
    expect(call.transient).to.deep.equal({ terms: JSON.stringify({ rate: 5 }) });
  });
});
