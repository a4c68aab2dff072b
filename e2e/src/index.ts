/**
 * @dec/e2e: the fixtures shared by the end-to-end suites and the benchmarks:
 * CA-enrolled actors with their own Gateways, approved and funded energy
 * participants, and an HTTP + SSE client for the gateway API.
 */
export { ActorPool, failure, parse, runId, type Actor } from './fixtures/actors';
export { eventually } from './fixtures/eventually';
export { balance, createParticipants, dec, enrollOperator, ensureGenesis, expectAuditOk, inBatches, kycHash, ONE_DEC, untilFound, type Participant } from './fixtures/energy-fleet';
export { ApiClient, type Reply } from './fixtures/api-client';
export { committee, passDecision, postRate, setFees, type CommitteeMember } from './fixtures/committee';
