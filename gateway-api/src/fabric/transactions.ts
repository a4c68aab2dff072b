/**
 * Evaluate and submit for API callers, with the gateway's retry policy and
 * idempotency:
 * - submit: endorse, persist the endorsed transaction (bytes and ID) under the
 *   caller's Idempotency-Key, send it to ordering, wait for its commit status;
 * - timeouts and an unavailable orderer resend the same bytes (same tx ID, so
 *   it commits at most once); an MVCC/phantom conflict at commit re-endorses;
 *   nothing else is retried;
 * - a retried request with the same key replays the stored outcome, or, when
 *   the first attempt's outcome was lost, resubmits the stored bytes;
 * - async: reply 202 once ordering accepted, record the outcome in a receipt;
 * - a call with a lane (the account it debits) waits for the lane's earlier
 *   submits to commit first (./lanes.ts); conflicts with writers outside this
 *   gateway are re-endorsed after a jittered, growing pause.
 */
import {
  decodeResult, isMvccConflict, isTimeout, isTransient, sleep, validationCodeName, withRetry,
  type Commit, type Gateway, type ProposalOptions, type Status, type Transaction,
} from '@dec/fabric-client';
import { createHash, randomUUID } from 'node:crypto';
import type { Caller } from '../auth/identities';
import { ApiError, commitFailure, toApiError, type ErrorBody } from '../http/errors';
import { nowIso, type Db } from '../store/db';
import { IdempotencyStore, storedOutcome } from './idempotency';
import { Lanes } from './lanes';
import type { FabricSessions } from './sessions';

export interface TxCall {
  channel: string;
  chaincode: string;
  /** `contract:Transaction` */
  name: string;
  args: string[];
  transient?: Record<string, string>;
  /** The account the transaction debits (the map's `lane` field): such submits run one after another. */
  lane?: string;
}

export interface SubmitResult {
  transactionId: string;
  blockNumber: string;
  validationCode: string;
  result: unknown;
}

export interface ReceiptBody {
  receiptId: string;
  transactionId: string;
  status: 'pending' | 'committed' | 'failed';
  receiptUrl: string;
  outcome?: SubmitResult | ErrorBody;
  httpStatus?: number;
}

export interface Outcome<T = SubmitResult | ReceiptBody> {
  status: number;
  body: T | ErrorBody;
  replayed?: boolean;
}

export type RetryKind = 'submit' | 'endorse' | 'status' | 'mvcc' | 'evaluate';

export interface TxHooks {
  onSubmitOutcome?(outcome: string): void;
  onMvccConflict?(): void;
  onRetry?(kind: RetryKind): void;
}

export interface RetryPolicy {
  /** Resends of the same transaction on timeout / unavailable ordering. */
  submitAttempts: number;
  /** Endorsements in all when commits keep meeting MVCC conflicts (writers outside this gateway's lanes). */
  mvccAttempts: number;
  /** The pause before re-endorsing grows from this, doubled each time, with full jitter (capped at 2 s). */
  mvccDelayMs: number;
  /** Evaluations after a timeout. */
  evaluateAttempts: number;
  delayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { submitAttempts: 8, mvccAttempts: 6, mvccDelayMs: 100, evaluateAttempts: 3, delayMs: 500 };
function proposalOptions(call: TxCall): ProposalOptions {
  return { arguments: call.args, ...(call.transient ? { transientData: call.transient } : {}) };
}

interface ReceiptRow {
  id: string;
  tx_id: string;
  channel: string;
  tx_bytes: Buffer;
  state: 'pending' | 'done';
  response_status: number | null;
  response_body: string | null;
}

export class TransactionService {
  private readonly inFlight = new Set<string>();
  private readonly watchers = new Map<string, Promise<void>>();
  private readonly idempotency: IdempotencyStore;
  private readonly lanes = new Lanes();

  constructor(
    private readonly db: Db,
    private readonly sessions: FabricSessions,
    private readonly hooks: TxHooks = {},
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly receiptPath = (id: string): string => `/api/v1/receipts/${id}`,
  ) {
    this.idempotency = new IdempotencyStore(db);
  }

  async evaluate(caller: Caller, call: TxCall): Promise<unknown> {
    const contract = this.sessions.network(caller, call.channel).getContract(call.chaincode);
    // A timed-out evaluation changed nothing: ask again (a few times), as for endorsements.
    const bytes = await this.retrying('evaluate', this.retry.evaluateAttempts, isTimeout, () => contract.evaluate(call.name, proposalOptions(call)));
    return decodeResult(bytes);
  }

  /** Runs `operation` with the retry policy; a final failure leaves as an ApiError. */
  private async retrying<T>(
    kind: RetryKind,
    attempts: number,
    retryable: (e: unknown) => boolean,
    operation: () => Promise<T>,
    delayMs: (attempt: number) => number = () => this.retry.delayMs,
  ): Promise<T> {
    try {
      return await withRetry(operation, { attempts, retryable, delayMs, onRetry: () => this.hooks.onRetry?.(kind) });
    } catch (e) {
      throw toApiError(e);
    }
  }

  /** Sync or async submit, at most once per (caller, Idempotency-Key). */
  async submit(caller: Caller, call: TxCall, opts: SubmitOptions = {}): Promise<Outcome> {
    const gateway = this.sessions.gateway(caller);
    this.sessions.requireChannel(caller.mspId, call.channel);
    if (call.lane === undefined) return this.submitNow(caller, gateway, call, opts);
    const release = await this.lanes.enter(`${call.channel}\u0000${call.chaincode}\u0000${call.lane}`);
    let outcome: Outcome | undefined;
    try {
      outcome = await this.submitNow(caller, gateway, call, opts);
      return outcome;
    } finally {
      this.releaseAfterCommit(outcome, release);
    }
  }

  /** An async submit holds its lane until its commit watcher is done; anything else lets go now. */
  private releaseAfterCommit(outcome: Outcome | undefined, release: () => void): void {
    const receiptId = outcome?.status === 202 && 'receiptId' in outcome.body ? outcome.body.receiptId : undefined;
    const watcher = receiptId === undefined ? undefined : this.watchers.get(receiptId);
    if (watcher) void watcher.finally(release);
    else release();
  }

  private async submitNow(caller: Caller, gateway: Gateway, call: TxCall, opts: SubmitOptions): Promise<Outcome> {
    const async = opts.async ?? false;
    const key = opts.idempotencyKey;
    if (!key) return this.run(caller, gateway, call, async);

    const lock = `${caller.id}\u0000${key}`;
    if (this.inFlight.has(lock)) throw new ApiError('IDEMPOTENCY_IN_PROGRESS', 'a request with this Idempotency-Key is still in progress');
    this.inFlight.add(lock);
    try {
      return await this.submitUnderKey(caller, gateway, call, async, key);
    } finally {
      this.inFlight.delete(lock);
    }
  }

  /** Replays the key's stored outcome, resumes its stored transaction, or submits anew under it. */
  private async submitUnderKey(caller: Caller, gateway: Gateway, call: TxCall, async: boolean, key: string): Promise<Outcome> {
    const requestHash = hashCall(call, async);
    const record = this.idempotency.find(caller.id, key);
    if (record && record.request_hash !== requestHash) {
      throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request');
    }
    const replay = record ? storedOutcome(record) : undefined;
    if (replay) return { status: replay.status, body: replay.body as SubmitResult, replayed: true };
    if (!record) this.idempotency.begin(caller.id, key, requestHash);
    const store = (tx: Transaction): void => {
      this.idempotency.storeTransaction(caller.id, key, tx);
    };
    // The first attempt endorsed and stored its transaction, then its outcome was lost: send the same bytes again.
    const resumed = record?.tx_bytes ? gateway.newTransaction(record.tx_bytes) : undefined;
    const outcome = await this.run(caller, gateway, call, async, { store, resumed });
    if (outcome.status < 500) this.idempotency.complete(caller.id, key, outcome);
    return { ...outcome, ...(resumed ? { replayed: true } : {}) };
  }

  /**
   * Endorses (or takes the resumed transaction) and stores it before it reaches
   * ordering; exported for tests that simulate a lost first outcome.
   */
  async endorse(caller: Caller, call: TxCall): Promise<Transaction> {
    const contract = this.sessions.network(caller, call.channel).getContract(call.chaincode);
    return this.retrying('endorse', this.retry.submitAttempts, isTimeout, () => contract.newProposal(call.name, proposalOptions(call)).endorse());
  }

  /** Submits and returns the commit once ordering accepted it (same bytes on timeout / unavailable). */
  private order(tx: Transaction): Promise<Commit> {
    return this.retrying('submit', this.retry.submitAttempts, isTransient, () => tx.submit(), (attempt) => this.retry.delayMs * attempt);
  }

  private status(commit: Commit): Promise<Status> {
    return this.retrying('status', this.retry.submitAttempts, isTransient, () => commit.getStatus());
  }

  private async run(
    caller: Caller,
    gateway: Gateway,
    call: TxCall,
    async: boolean,
    opts: { store?: (tx: Transaction) => void; resumed?: Transaction } = {},
  ): Promise<Outcome> {
    let tx: Transaction;
    let commit: Commit;
    try {
      tx = opts.resumed ?? (await this.endorse(caller, call));
      opts.store?.(tx);
      commit = await this.order(tx);
    } catch (e) {
      return this.failed(e);
    }
    if (!async) return this.finish(caller, call, tx, commit, opts.store);

    const receiptId = randomUUID();
    this.db
      .prepare(`INSERT INTO receipts (id, identity_id, tx_id, channel, tx_bytes, state, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`)
      .run(receiptId, caller.id, tx.getTransactionId(), call.channel, Buffer.from(tx.getBytes()), nowIso());
    const watcher = this.finish(caller, call, tx, commit, opts.store).then((outcome) => {
      this.completeReceipt(receiptId, outcome);
    });
    this.watchers.set(receiptId, watcher);
    void watcher.finally(() => {
      this.watchers.delete(receiptId);
    });
    return {
      status: 202,
      body: { receiptId, transactionId: tx.getTransactionId(), status: 'pending', receiptUrl: this.receiptPath(receiptId) },
    };
  }

  /** A failure as the caller's outcome (and counted). */
  private failed(e: unknown): Outcome<never> {
    const err = toApiError(e);
    this.hooks.onSubmitOutcome?.(err.code);
    return { status: err.status, body: err.body() };
  }

  /** Waits for the commit; re-endorses on MVCC conflicts (a new transaction, stored under the same key). */
  private async finish(caller: Caller, call: TxCall | undefined, first: Transaction, firstCommit: Commit, store?: (tx: Transaction) => void): Promise<Outcome<SubmitResult>> {
    let tx = first;
    let commit = firstCommit;
    try {
      for (let attempt = 1; ; attempt++) {
        const status = await this.status(commit);
        if (status.successful) return this.committed(tx, status);
        if (isMvccConflict(status.code)) this.hooks.onMvccConflict?.();
        if (!this.mayReendorse(status.code, call, attempt)) throw commitFailure(tx.getTransactionId(), status.code);
        this.hooks.onRetry?.('mvcc');
        await sleep(Math.random() * Math.min(2000, this.retry.mvccDelayMs * 2 ** (attempt - 1)));
        tx = await this.endorse(caller, call);
        store?.(tx);
        commit = await this.order(tx);
      }
    } catch (e) {
      return this.failed(e);
    }
  }

  /** Only an MVCC conflict of a call we still have (not a resent receipt) is endorsed again, a few times. */
  private mayReendorse(code: number, call: TxCall | undefined, attempt: number): call is TxCall {
    return isMvccConflict(code) && call !== undefined && attempt < this.retry.mvccAttempts;
  }

  private committed(tx: Transaction, status: Status): Outcome<SubmitResult> {
    this.hooks.onSubmitOutcome?.('VALID');
    return {
      status: 200,
      body: { transactionId: tx.getTransactionId(), blockNumber: status.blockNumber.toString(), validationCode: validationCodeName(status.code), result: decodeResult(tx.getResult()) },
    };
  }

  private completeReceipt(id: string, outcome: Outcome<SubmitResult>): void {
    const txId = 'transactionId' in outcome.body ? outcome.body.transactionId : (outcome.body.error.transactionId ?? null);
    this.db
      .prepare(`UPDATE receipts SET state = 'done', response_status = ?, response_body = ?, tx_id = COALESCE(?, tx_id) WHERE id = ?`)
      .run(outcome.status, JSON.stringify(outcome.body), txId, id);
  }

  /**
   * A receipt of the caller. A pending receipt whose watcher is gone (the
   * gateway restarted) is resolved by resending its stored transaction.
   */
  async receipt(caller: Caller, id: string, wait = false): Promise<ReceiptBody> {
    const row = this.db.prepare(`SELECT * FROM receipts WHERE id = ? AND identity_id = ?`).get(id, caller.id) as ReceiptRow | undefined;
    if (!row) throw new ApiError('NOT_FOUND', `no receipt ${id}`);
    const watcher = this.watchers.get(id);
    if (row.state === 'pending' && watcher && wait) {
      await Promise.race([watcher, sleep(30_000)]);
      return this.receipt(caller, id, false);
    }
    if (row.state === 'pending' && !watcher && (await this.resendOrphan(caller, row))) return this.receipt(caller, id, false);
    return this.receiptBody(row);
  }

  /** Resends a pending receipt's stored bytes (they commit at most once); true once it has an outcome. */
  private async resendOrphan(caller: Caller, row: ReceiptRow): Promise<boolean> {
    const tx = this.sessions.gateway(caller).newTransaction(row.tx_bytes);
    let outcome: Outcome<SubmitResult>;
    try {
      outcome = await this.finish(caller, undefined, tx, await this.order(tx));
    } catch (e) {
      const err = toApiError(e);
      outcome = { status: err.status, body: err.body() };
    }
    if (outcome.status >= 500) return false;
    this.completeReceipt(row.id, outcome);
    return true;
  }

  private receiptBody(row: ReceiptRow): ReceiptBody {
    const base = { receiptId: row.id, transactionId: row.tx_id, receiptUrl: this.receiptPath(row.id) };
    if (row.state === 'pending' || row.response_status === null || row.response_body === null) return { ...base, status: 'pending' };
    const httpStatus = row.response_status;
    return { ...base, status: httpStatus === 200 ? 'committed' : 'failed', httpStatus, outcome: JSON.parse(row.response_body) as SubmitResult | ErrorBody };
  }

  /** Waits for background commit watchers (shutdown and tests). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.watchers.values()]);
  }
}

export interface SubmitOptions {
  idempotencyKey?: string;
  async?: boolean;
}

function hashCall(call: TxCall, async: boolean): string {
  return createHash('sha256')
    .update(JSON.stringify([call.channel, call.chaincode, call.name, call.args, call.transient ?? null, async]))
    .digest('hex');
}
