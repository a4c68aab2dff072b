/**
 * `receivables` contract: the lessor's rent-collection right, its split into
 * parts and their passage upstream (lessor -> supplier -> sub-supplier).
 * Financing of parts is in the `financing` contract. Thin: registered from the
 * transaction map, hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { issueInput, receivableRef, splitInput, transferInput, treeInput } from './inputs';
import * as ops from './operations';

@Info({ title: 'receivables', description: 'Rent-collection receivables: issue, split, transfer upstream, backing view' })
export class ReceivablesContract extends DecContract {
  constructor() {
    super('receivables');
  }

  @Tx(SCF, 'receivables:Issue')
  Issue(ctx: DecContext, input: z.output<typeof issueInput>, env: ScfEnv): Promise<unknown> {
    return ops.issue(ctx, input, env);
  }

  @Tx(SCF, 'receivables:Split')
  Split(ctx: DecContext, input: z.output<typeof splitInput>, env: ScfEnv): Promise<unknown> {
    return ops.split(ctx, input, env);
  }

  @Tx(SCF, 'receivables:Transfer')
  Transfer(ctx: DecContext, input: z.output<typeof transferInput>, env: ScfEnv): Promise<unknown> {
    return ops.transfer(ctx, input, env);
  }

  @Tx(SCF, 'receivables:Get')
  Get(ctx: DecContext, input: z.output<typeof receivableRef>): Promise<unknown> {
    return ops.get(ctx, input);
  }

  @Tx(SCF, 'receivables:Tree')
  Tree(ctx: DecContext, input: z.output<typeof treeInput>): Promise<unknown> {
    return ops.tree(ctx, input);
  }

  @Tx(SCF, 'receivables:Backing')
  Backing(ctx: DecContext, input: z.output<typeof receivableRef>): Promise<unknown> {
    return ops.backing(ctx, input);
  }
}
