/**
 * Election state access. Key scheme:
 *
 *   gov.election   ~<electionId>                      Election
 *   gov.candidate  ~<electionId>~<eid>                Candidate
 *   gov.voted      ~<electionId>~<voter>              { candidate }  one ballot per voter (point read)
 *   gov.ballot\0<electionId>\0<candidate>\0<voter>\0  Ballot (an ordered key: ballots sorted by candidate)
 *
 * A ballot is a blind write of its own key (voters never conflict with each
 * other); the tally reads ballots in key order, at most a page per
 * transaction (a bounded range read with an end key), so that a candidate's
 * ballots are consecutive and its sum needs no per-candidate record.
 */
import { decoder, keyPart, orderedKey, orderedPrefixRange, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import { ballotSchema, candidateSchema, electionSchema, type Ballot, type Candidate, type Election } from './election-state';

const dElection = decoder(electionSchema, 'election');
const dCandidate = decoder(candidateSchema, 'candidate');
const dBallot = decoder(ballotSchema, 'ballot');
const dVoted = decoder(z.object({ candidate: z.string() }), 'voted marker');

export const ELECTION_KEYS = { election: 'gov.election', candidate: 'gov.candidate', voted: 'gov.voted', ballot: 'gov.ballot' } as const;

export class ElectionStore {
  constructor(private readonly ledger: Ledger) {}

  private electionKey(id: string): string {
    return this.ledger.key(ELECTION_KEYS.election, keyPart('electionId', id));
  }

  election(id: string): Promise<Election | undefined> {
    return this.ledger.get(this.electionKey(id), dElection);
  }

  requireElection(id: string): Promise<Election> {
    return this.ledger.require(this.electionKey(id), dElection, 'election', id);
  }

  async putElection(e: Election): Promise<void> {
    await this.ledger.put(this.electionKey(e.electionId), e);
  }

  pageElections(pageSize: number, bookmark: string): Promise<Page<Election>> {
    return this.ledger.page(ELECTION_KEYS.election, [], pageSize, bookmark, dElection);
  }

  private candidateKey(electionId: string, eid: string): string {
    return this.ledger.key(ELECTION_KEYS.candidate, keyPart('electionId', electionId), keyPart('candidate', eid));
  }

  candidate(electionId: string, eid: string): Promise<Candidate | undefined> {
    return this.ledger.get(this.candidateKey(electionId, eid), dCandidate);
  }

  async putCandidate(c: Candidate): Promise<void> {
    await this.ledger.put(this.candidateKey(c.electionId, c.eid), c);
  }

  pageCandidates(electionId: string, pageSize: number, bookmark: string): Promise<Page<Candidate>> {
    return this.ledger.page(ELECTION_KEYS.candidate, [keyPart('electionId', electionId)], pageSize, bookmark, dCandidate);
  }

  private votedKey(electionId: string, voter: string): string {
    return this.ledger.key(ELECTION_KEYS.voted, keyPart('electionId', electionId), keyPart('voter', voter));
  }

  async votedFor(electionId: string, voter: string): Promise<string | undefined> {
    return (await this.ledger.get(this.votedKey(electionId, voter), dVoted))?.candidate;
  }

  /** The ballot `voter` cast in this election, if any (two point reads). */
  async ballotOf(electionId: string, voter: string): Promise<Ballot | undefined> {
    const candidate = await this.votedFor(electionId, voter);
    return candidate === undefined ? undefined : this.ledger.get(orderedKey(ELECTION_KEYS.ballot, electionId, candidate, voter), dBallot);
  }

  async putBallot(b: Ballot): Promise<void> {
    await this.ledger.put(this.votedKey(b.electionId, b.voter), { candidate: b.candidate });
    await this.ledger.put(orderedKey(ELECTION_KEYS.ballot, b.electionId, b.candidate, b.voter), b);
  }

  /** At most `limit` ballots after the key `after` (from the first when absent), in key order. */
  async readBallots(electionId: string, after: string | undefined, limit: number): Promise<{ items: { key: string; value: Ballot }[]; exhausted: boolean }> {
    const range = orderedPrefixRange(ELECTION_KEYS.ballot, electionId);
    return this.ledger.readRange(after === undefined ? range.start : `${after}\u0000`, range.end, limit, dBallot);
  }

  /** Ballots in key order (candidate, then voter), one page at a time (evaluate only): the data to recompute a result. */
  pageBallots(electionId: string, pageSize: number, bookmark: string): Promise<Page<Ballot>> {
    const range = orderedPrefixRange(ELECTION_KEYS.ballot, electionId);
    return this.ledger.pageRange(range.start, range.end, pageSize, bookmark, dBallot);
  }
}
