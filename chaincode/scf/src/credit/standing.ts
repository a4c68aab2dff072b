/**
 * The crowdfunding standing of an energy eID: whether the scf party its facts
 * count for (credit.eid~<eid>) meets the regulator's `minCrowdfundingScore`.
 * The energy chaincode reads it by a cross-channel query when a fundraiser's
 * plan awaits its audit (energy `crowdfunding:AttestCreditStanding`), because
 * the score is computed here and energy cannot compute it. It answers one bit
 * at a threshold only the regulator moves (a public rule), never the score, so
 * asking again with other figures reveals nothing more.
 */
import { NotFoundError, type DecContext } from '@dec/chaincode-kit';
import { RulesStore } from '../rules/store';
import { CreditStore } from './store';
import { emptyRecord, meetsMinimum } from './logic';

export interface CreditStanding {
  eid: string;
  /** The scf party the eID's facts count for. */
  subject: string;
  meets: boolean;
  /** The regulator's minCrowdfundingScore and the rules version it comes from. */
  minimum: number;
  rulesVersion: number;
  method: string;
  /** How many facts the score counts, and the scf transaction that last changed it ('' before any). */
  factCount: number;
  scoreTxId: string;
}

export async function standing(ctx: DecContext, eid: string): Promise<CreditStanding> {
  const store = new CreditStore(ctx.ledger);
  const binding = await store.binding(eid);
  if (!binding) throw new NotFoundError('scf party bound to energy eID', eid);
  const record = (await store.record(binding.subject)) ?? emptyRecord(binding.subject);
  const rules = await new RulesStore(ctx.ledger).rules();
  return {
    eid,
    subject: binding.subject,
    meets: meetsMinimum(record, rules.minCrowdfundingScore),
    minimum: rules.minCrowdfundingScore,
    rulesVersion: rules.version,
    method: record.method,
    factCount: record.factCount,
    scoreTxId: record.updatedTxId,
  };
}
