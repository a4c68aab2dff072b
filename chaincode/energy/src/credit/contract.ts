/** `credit` contract on `energy`: reads the credit facts other domains record (facts.ts). Thin. */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import { readCreditFact } from './facts';
import type { creditFactInput } from './inputs';

@Info({ title: 'credit', description: 'Credit facts recorded where the behaviour happens, read by the scf credit service' })
export class CreditContract extends DecContract {
  constructor() {
    super('credit');
  }

  @Tx(ENERGY, 'credit:GetFact')
  GetFact(ctx: DecContext, input: z.output<typeof creditFactInput>): Promise<unknown> {
    return readCreditFact(ctx, input.subject, input.txId, input.n);
  }
}
