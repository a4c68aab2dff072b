import { expect } from 'chai';
import { status as GrpcStatus, Metadata } from '@grpc/grpc-js';
import { EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { TransactionInvalidError, transactionIdOf } from './errors';
import { isTimeout, isTransient, withRetry } from './retry';
import { isMvccConflict, validationCodeName } from './validation-codes';

function gatewayError(code: GrpcStatus): GatewayError {
  const cause = Object.assign(new Error('rpc'), { code, details: '', metadata: new Metadata() });
  return new GatewayError({ code, details: [], cause });
}

describe('retry policy', () => {
  it('retries only what may be retried, as often as allowed, then throws the last failure', async () => {
    let calls = 0;
    const retried: number[] = [];
    const unavailable = gatewayError(GrpcStatus.UNAVAILABLE);
    const failing = withRetry(
      () => {
        calls++;
        return Promise.reject(unavailable);
      },
      { attempts: 3, delayMs: () => 1, retryable: isTransient, onRetry: (attempt) => retried.push(attempt) },
    );
    expect(await failing.catch((e: unknown) => e)).to.equal(unavailable);
    expect(calls).to.equal(3);
    expect(retried).to.deep.equal([1, 2]);

    calls = 0;
    const refused = gatewayError(GrpcStatus.ABORTED);
    const once = withRetry(
      () => {
        calls++;
        return Promise.reject(refused);
      },
      { attempts: 3, delayMs: () => 1, retryable: isTransient },
    );
    expect(await once.catch((e: unknown) => e)).to.equal(refused);
    expect(calls).to.equal(1);
  });

  it('returns the first success', async () => {
    let calls = 0;
    const value = await withRetry(() => (++calls < 2 ? Promise.reject(gatewayError(GrpcStatus.DEADLINE_EXCEEDED)) : Promise.resolve('ok')), {
      attempts: 5,
      delayMs: () => 1,
      retryable: isTimeout,
    });
    expect(value).to.equal('ok');
    expect(calls).to.equal(2);
  });

  it('tells timeouts from unavailability', () => {
    expect(isTimeout(gatewayError(GrpcStatus.DEADLINE_EXCEEDED))).to.equal(true);
    expect(isTimeout(gatewayError(GrpcStatus.UNAVAILABLE))).to.equal(false);
    expect(isTransient(gatewayError(GrpcStatus.UNAVAILABLE))).to.equal(true);
    expect(isTransient(new Error('plain'))).to.equal(false);
  });
});

describe('transaction failures', () => {
  it('carry the transaction ID and the validation code by name', () => {
    const invalid = new TransactionInvalidError('token:Transfer', 'tx9', 11);
    expect(invalid.message).to.equal('token:Transfer tx9 failed validation with code 11');
    expect(invalid.validationCode).to.equal('MVCC_READ_CONFLICT');
    expect(transactionIdOf(invalid)).to.equal('tx9');
    const cause = Object.assign(new Error('rpc'), { code: GrpcStatus.ABORTED, details: '', metadata: new Metadata() });
    expect(transactionIdOf(new EndorseError({ code: GrpcStatus.ABORTED, details: [], cause, transactionId: 'tx1' }))).to.equal('tx1');
    expect(transactionIdOf(gatewayError(GrpcStatus.UNAVAILABLE))).to.equal(undefined);
    expect(transactionIdOf(new Error('plain'))).to.equal(undefined);
  });

  it('name validation codes and single out read conflicts', () => {
    expect(validationCodeName(0)).to.equal('VALID');
    expect(validationCodeName(77)).to.equal('UNKNOWN_77');
    expect([11, 12, 10].map(isMvccConflict)).to.deep.equal([true, true, false]);
  });
});
