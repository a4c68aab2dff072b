import { expect } from 'chai';
import { status as GrpcStatus, Metadata } from '@grpc/grpc-js';
import { GatewayError, type Contract, type Status, type Transaction } from '@hyperledger/fabric-gateway';
import { submitTransaction } from './submit';

function gatewayError(code: GrpcStatus, message: string): GatewayError {
  const cause = Object.assign(new Error(message), { code, details: message, metadata: new Metadata() });
  return new GatewayError({ code, details: [], cause, message });
}

/** A contract whose endorsements fail with `failures` in turn, then succeed; counts endorsements and submits. */
function contractFailingEndorsement(failures: GatewayError[]): { contract: Contract; endorsements: () => number; submits: () => number } {
  let endorsements = 0;
  let submits = 0;
  const status = { code: 0, successful: true, blockNumber: 7n, transactionId: 'tx1' } as Status;
  const transaction = {
    getTransactionId: () => 'tx1',
    getResult: () => new Uint8Array(),
    submit: () => {
      submits++;
      return Promise.resolve({ getStatus: () => Promise.resolve(status) });
    },
  } as unknown as Transaction;
  const contract = {
    newProposal: () => ({
      endorse: () => {
        const failure = failures[endorsements++];
        return failure ? Promise.reject(failure) : Promise.resolve(transaction);
      },
    }),
  } as unknown as Contract;
  return { contract, endorsements: () => endorsements, submits: () => submits };
}

describe('submitTransaction', () => {
  it('endorses again while no endorsing peer answers, then orders once', async () => {
    const noPeer = gatewayError(GrpcStatus.UNAVAILABLE, 'failed to find any endorsing peers for org(s): RegulatorMSP');
    const c = contractFailingEndorsement([noPeer, gatewayError(GrpcStatus.DEADLINE_EXCEEDED, 'timeout')]);
    const retried: string[] = [];
    const out = await submitTransaction(c.contract, 'network:Probe', {}, { attempts: 5, delayMs: 1, onRetry: (_, e) => retried.push(e.message) });
    expect(out.status.blockNumber).to.equal(7n);
    expect(c.endorsements()).to.equal(3);
    expect(c.submits()).to.equal(1);
    expect(retried[0]).to.match(/failed to find any endorsing peers/);
  });

  it('does not endorse again when a peer refused (the chaincode said no, or endorsements differ)', async () => {
    const refused = gatewayError(GrpcStatus.ABORTED, 'failed to collect enough transaction endorsements');
    const c = contractFailingEndorsement([refused]);
    expect(await submitTransaction(c.contract, 'network:Probe', {}, { attempts: 5, delayMs: 1 }).catch((e: unknown) => e)).to.equal(refused);
    expect(c.endorsements()).to.equal(1);
    expect(c.submits()).to.equal(0);
  });
});
