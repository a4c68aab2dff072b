/**
 * Governance state access. Key scheme (Fabric composite keys, objectType first):
 *
 *   gov.committee  ~current         Committee  the seated committee
 *   gov.decision   ~<decisionId>    Decision   one committee decision, its votes and what applied it
 *   gov.ecology-plan ~<year>        { decisionId }  the EcologyPlan decision of a year (refuses a second)
 *
 * A decision record carries its own votes (at most 9 members), so a vote is one
 * read and one write; the token transactions that apply a decision read and
 * write that one key, which is what makes "applied once" hold under MVCC.
 */
import { decoder, keyPart, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import { committeeSchema, decisionSchema, type Committee, type Decision } from './state';

const decodeCommittee = decoder(committeeSchema, 'committee');
const decodeDecision = decoder(decisionSchema, 'decision');

export const GOVERNANCE_KEYS = { committee: 'gov.committee', decision: 'gov.decision', ecologyPlan: 'gov.ecology-plan' } as const;
const decodePlanRef = decoder(z.object({ decisionId: z.string() }), 'ecology plan reference');

export class GovernanceStore {
  constructor(private readonly ledger: Ledger) {}

  private committeeKey(): string {
    return this.ledger.key(GOVERNANCE_KEYS.committee, 'current');
  }

  private decisionKey(decisionId: string): string {
    return this.ledger.key(GOVERNANCE_KEYS.decision, keyPart('decisionId', decisionId));
  }

  async committee(): Promise<Committee | undefined> {
    return this.ledger.get(this.committeeKey(), decodeCommittee);
  }

  async requireCommittee(): Promise<Committee> {
    return this.ledger.require(this.committeeKey(), decodeCommittee, 'committee', 'current');
  }

  async putCommittee(c: Committee): Promise<void> {
    await this.ledger.put(this.committeeKey(), c);
  }

  async decision(decisionId: string): Promise<Decision | undefined> {
    return this.ledger.get(this.decisionKey(decisionId), decodeDecision);
  }

  async requireDecision(decisionId: string): Promise<Decision> {
    return this.ledger.require(this.decisionKey(decisionId), decodeDecision, 'decision', decisionId);
  }

  async putDecision(d: Decision): Promise<void> {
    await this.ledger.put(this.decisionKey(d.decisionId), d);
  }

  /** Decisions in key order, one page at a time (evaluate only). */
  async pageDecisions(pageSize: number, bookmark: string): Promise<Page<Decision>> {
    return this.ledger.page(GOVERNANCE_KEYS.decision, [], pageSize, bookmark, decodeDecision);
  }

  async ecologyPlanOf(year: number): Promise<string | undefined> {
    return (await this.ledger.get(this.ledger.key(GOVERNANCE_KEYS.ecologyPlan, year.toString()), decodePlanRef))?.decisionId;
  }

  async putEcologyPlan(year: number, decisionId: string): Promise<void> {
    await this.ledger.put(this.ledger.key(GOVERNANCE_KEYS.ecologyPlan, year.toString()), { decisionId });
  }
}
