/**
 * The credit lines of the energy transaction map (spread into
 * src/transactions.ts). Facts are written by the domains that see the
 * behaviour (facts.ts); this reads one for the scf credit service.
 */
import type { TxSpec } from '@dec/chaincode-kit/core';
import { ANYONE, type Grant } from '../access/policy';
import { creditFactInput } from './inputs';

export const CREDIT_TRANSACTIONS = {
  'credit:GetFact': { kind: 'evaluate', input: creditFactInput, grants: ANYONE, summary: 'One credit fact (market penalty, meter anomaly, drawdown, dividend, rating) by its ID' },
} as const satisfies Record<string, TxSpec<Grant>>;
