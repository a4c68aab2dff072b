import { expect } from 'chai';
import { status as GrpcStatus, Metadata } from '@grpc/grpc-js';
import { CommitError, EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { CaError } from '@dec/fabric-client';
import { ApiError, parseChaincodeMessage, toApiError } from './errors';

/** The gRPC error a fabric-gateway error wraps. */
function cause(code: GrpcStatus): Error & { code: GrpcStatus; details: string; metadata: Metadata } {
  return Object.assign(new Error('rpc'), { code, details: '', metadata: new Metadata() });
}

function endorseError(message: string, code: GrpcStatus = GrpcStatus.ABORTED): EndorseError {
  return new EndorseError({ code, details: [{ address: 'peer0:7310', mspId: 'LessorMSP', message }], cause: cause(code), transactionId: 'tx1', message: 'failed to endorse' });
}

describe('error mapping', () => {
  it('parses the chaincode CODE: detail prefix out of a peer message', () => {
    expect(parseChaincodeMessage('chaincode response 500, NOT_FOUND: lease L1 does not exist')).to.deep.equal({ code: 'NOT_FOUND', detail: 'lease L1 does not exist' });
    expect(parseChaincodeMessage('something else')).to.equal(undefined);
  });

  const cases: [string, string, number][] = [
    ['chaincode response 500, VALIDATION: input.amount: must be a positive integer', 'VALIDATION', 400],
    ['chaincode response 500, ACCESS_DENIED: only lessor officers may approve', 'ACCESS_DENIED', 403],
    ['chaincode response 500, NOT_FOUND: lease L1 does not exist', 'NOT_FOUND', 404],
    ['chaincode response 500, CONFLICT: lease L1 already exists', 'CONFLICT', 409],
    ['chaincode response 500, RULE_VIOLATION: max-advance-rate: 9000 bps exceeds 8000', 'RULE_VIOLATION', 422],
  ];
  for (const [message, code, status] of cases) {
    it(`maps a chaincode ${code} to ${status}, keeping the message and the transaction ID`, () => {
      const err = toApiError(endorseError(message));
      expect(err).to.include({ code, status });
      expect(err.message).to.equal(message.replace(/^.*?, [A-Z_]+: /, ''));
      expect(err.body().error.transactionId).to.equal('tx1');
      expect(JSON.stringify(err.body())).to.not.include('at ');
    });
  }

  it('names the field of a chaincode validation error', () => {
    const err = toApiError(endorseError('chaincode response 500, VALIDATION: input.amount: must be a positive integer'));
    expect(err.body().error.details).to.deep.equal([{ field: 'input.amount', message: 'must be a positive integer' }]);
  });

  it('maps unavailable and timed-out networks to 503', () => {
    const unavailable = new GatewayError({ code: GrpcStatus.UNAVAILABLE, details: [], cause: cause(GrpcStatus.UNAVAILABLE) });
    expect(toApiError(unavailable)).to.include({ code: 'NETWORK_UNAVAILABLE', status: 503 });
    const timeout = new GatewayError({ code: GrpcStatus.DEADLINE_EXCEEDED, details: [], cause: cause(GrpcStatus.DEADLINE_EXCEEDED) });
    expect(toApiError(timeout)).to.include({ code: 'TIMEOUT', status: 503 });
    expect(toApiError(endorseError('chaincode definition for scf exists, but chaincode is not installed'))).to.include({ status: 503 });
  });

  it('maps commit failures by validation code', () => {
    expect(toApiError(new CommitError({ code: 11, transactionId: 't' })).body().error).to.include({ code: 'MVCC_CONFLICT', validationCode: 'MVCC_READ_CONFLICT', transactionId: 't' });
    expect(toApiError(new CommitError({ code: 10, transactionId: 't' }))).to.include({ code: 'TRANSACTION_INVALID', status: 409 });
  });

  it('maps CA failures', () => {
    expect(toApiError(new CaError(409, [74], 'already registered'))).to.include({ code: 'DUPLICATE', status: 409 });
    expect(toApiError(new CaError(401, [20], 'Authentication failure'))).to.include({ status: 403 });
  });

  it('never passes an unknown error\'s message or stack through', () => {
    const err = toApiError(new Error('secret internals at /work/x.ts:1'));
    expect(err.body()).to.deep.equal({ error: { code: 'INTERNAL', message: 'internal error' } });
    expect(toApiError(new ApiError('CONFLICT', 'x'))).to.include({ code: 'CONFLICT' });
  });
});
