/** The kit's `network` contract, which every DEC chaincode carries. */
import { z } from '../openapi/zod';
import { evaluate, submit, type TxDef } from './table';

export const probeInput = z.object({ note: z.string().max(200, 'must be at most 200 characters').optional() });
export const lastProbeInput = z.strictObject({ mspId: z.string().regex(/^[A-Za-z0-9]+$/, 'must be an MSP ID') });

export const keyHistoryInput = z.strictObject({
  objectType: z.string().min(1).max(128),
  attributes: z.array(z.string().min(1).max(1024)).max(16),
});

export const networkTransactions: TxDef[] = [
  evaluate('network:Info', undefined, 'Chaincode name, version and channel'),
  evaluate('network:WhoAmI', undefined, 'MSP, certificate ID and CA attributes of the caller, as chaincode sees them'),
  submit('network:Probe', probeInput, 'Commit a liveness record for the caller\'s org'),
  evaluate('network:LastProbe', lastProbeInput, 'The last liveness record of an org', { args: (i) => [(i as { mspId: string }).mspId] }),
  submit('network:Beacon', probeInput, 'Blind-write a beacon record (one new key, no reads)'),
  evaluate('network:KeyHistory', keyHistoryInput, 'Every committed version of one composite key, newest first'),
];
