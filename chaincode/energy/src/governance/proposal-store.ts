/**
 * Community proposal state access. Key scheme:
 *
 *   gov.round      ~<roundId>                                   Round
 *   gov.proposal   ~<proposalId>                                Proposal
 *   gov.round-proposal ~<roundId>~<proposalId>                  { id }  index: a round's proposals
 *   gov.pballot\0<roundId>\0<proposalId>\0<voter>\0             ProposalBallot (ordered key)
 *
 * Ballots are blind writes of their own keys; a second ballot of a voter on a
 * proposal is a point read of that key. The tally reads a round's ballots in
 * key order (so each proposal's ballots are consecutive), a bounded page at a time.
 */
import { decoder, keyPart, orderedKey, orderedPrefixRange, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import { proposalBallotSchema, proposalSchema, roundSchema, type Proposal, type ProposalBallot, type Round } from './proposal-state';

const dRound = decoder(roundSchema, 'round');
const dProposal = decoder(proposalSchema, 'proposal');
const dBallot = decoder(proposalBallotSchema, 'proposal ballot');

export const PROPOSAL_KEYS = { round: 'gov.round', proposal: 'gov.proposal', roundProposal: 'gov.round-proposal', ballot: 'gov.pballot' } as const;
const dRef = decoder(z.object({ id: z.string() }), 'index entry');

export class ProposalStore {
  constructor(private readonly ledger: Ledger) {}

  private roundKey(id: string): string {
    return this.ledger.key(PROPOSAL_KEYS.round, keyPart('roundId', id));
  }

  requireRound(id: string): Promise<Round> {
    return this.ledger.require(this.roundKey(id), dRound, 'round', id);
  }

  async putRound(r: Round): Promise<void> {
    await this.ledger.put(this.roundKey(r.roundId), r);
  }

  pageRounds(pageSize: number, bookmark: string): Promise<Page<Round>> {
    return this.ledger.page(PROPOSAL_KEYS.round, [], pageSize, bookmark, dRound);
  }

  private proposalKey(id: string): string {
    return this.ledger.key(PROPOSAL_KEYS.proposal, keyPart('proposalId', id));
  }

  requireProposal(id: string): Promise<Proposal> {
    return this.ledger.require(this.proposalKey(id), dProposal, 'proposal', id);
  }

  async putProposal(p: Proposal, isNew = false): Promise<void> {
    await this.ledger.put(this.proposalKey(p.proposalId), p);
    if (isNew) await this.ledger.put(this.ledger.key(PROPOSAL_KEYS.roundProposal, keyPart('roundId', p.roundId), keyPart('proposalId', p.proposalId)), { id: p.proposalId });
  }

  /** A round's proposals in ID order, one page at a time (evaluate only). */
  async pageProposals(roundId: string, pageSize: number, bookmark: string): Promise<Page<Proposal>> {
    const page = await this.ledger.page(PROPOSAL_KEYS.roundProposal, [keyPart('roundId', roundId)], pageSize, bookmark, dRef);
    const items = [];
    for (const e of page.items) items.push({ ...e, value: await this.requireProposal(e.value.id) });
    return { items, bookmark: page.bookmark };
  }

  private ballotKey(roundId: string, proposalId: string, voter: string): string {
    return orderedKey(PROPOSAL_KEYS.ballot, roundId, proposalId, voter);
  }

  ballot(roundId: string, proposalId: string, voter: string): Promise<ProposalBallot | undefined> {
    return this.ledger.get(this.ballotKey(roundId, proposalId, voter), dBallot);
  }

  async putBallot(b: ProposalBallot): Promise<void> {
    await this.ledger.put(this.ballotKey(b.roundId, b.proposalId, b.voter), b);
  }

  readBallots(roundId: string, after: string | undefined, limit: number): Promise<{ items: { key: string; value: ProposalBallot }[]; exhausted: boolean }> {
    const range = orderedPrefixRange(PROPOSAL_KEYS.ballot, roundId);
    return this.ledger.readRange(after === undefined ? range.start : `${after}\u0000`, range.end, limit, dBallot);
  }

  pageBallots(roundId: string, pageSize: number, bookmark: string): Promise<Page<ProposalBallot>> {
    const range = orderedPrefixRange(PROPOSAL_KEYS.ballot, roundId);
    return this.ledger.pageRange(range.start, range.end, pageSize, bookmark, dBallot);
  }
}
