import { expect } from 'chai';
import { factClaims, factOutcomeOf } from './credit-events';

const bytes = (v: unknown): Uint8Array => Buffer.from(JSON.stringify(v));
const TX = 'a'.repeat(64);

describe('relay: credit facts from energy events', () => {
  it('reads CreditFact alone and inside a Batch, and nothing else', () => {
    expect(factClaims({ eventName: 'CreditFact', payload: bytes({ subject: 'P-1', txId: TX, n: 1, kind: 'marketPenalties' }) })).to.deep.equal([{ subject: 'P-1', txId: TX, n: 1 }]);
    const batch = { events: [{ name: 'TradeSettled', payload: {} }, { name: 'CreditFact', payload: { subject: 'P-1', txId: TX, n: 2, kind: 'meterAnomalies' } }] };
    expect(factClaims({ eventName: 'Batch', payload: bytes(batch) })).to.deep.equal([{ subject: 'P-1', txId: TX, n: 2 }]);
    expect(factClaims({ eventName: 'AssignmentCollected', payload: bytes({ subject: 'P-1', txId: TX, n: 1 }) })).to.deep.equal([]);
    expect(factClaims({ eventName: 'CreditFact', payload: bytes({ subject: 'P-1', txId: TX, n: 0 }) })).to.deep.equal([]);
    expect(factClaims({ eventName: 'Batch', payload: Buffer.from('not json') })).to.deep.equal([]);
  });

  it('treats "already counted" and an unbound eID as done, anything else as try again', () => {
    expect(factOutcomeOf('CONFLICT: energy fact P-1/x/1 is already counted (scf tx y)')).to.equal('already counted');
    expect(factOutcomeOf('NOT_FOUND: scf party bound to energy eID P-1 does not exist')).to.equal('not bound');
    expect(factOutcomeOf('NOT_FOUND: energy credit fact P-1/x/1 does not exist')).to.equal('retry');
  });
});
