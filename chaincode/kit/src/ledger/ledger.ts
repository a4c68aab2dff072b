/**
 * The ledger layer: the only code that touches the chaincode stub's state API.
 * It stores canonical JSON, decodes through a typed decoder (so state is validated
 * when it is read, not trusted), keeps this transaction's writes visible to its own
 * reads (Fabric's getState does not see them), and wraps iterators so they are
 * always closed.
 */
import { createHash } from 'node:crypto';
import type { ChaincodeStub, Iterators } from 'fabric-shim-api';
import { fromBytes, toBytes } from '../canonical-json';
import { NotFoundError, ValidationError } from '../errors';
import { keyEndorsementPolicy, type KeyPolicySpec } from './key-policy';
import { splitOrderedKey } from './ordered-keys';

/** Turns stored JSON into a typed, validated value (a zod schema's `parse` fits). */
export type Decoder<T> = (json: unknown) => T;

export interface Entry<T> {
  key: string;
  attributes: string[];
  value: T;
}

export interface Page<T> {
  items: Entry<T>[];
  bookmark: string;
}

/** A bounded range read: what was read, and whether the range ended before the limit. */
export interface RangeRead<T> {
  items: Entry<T>[];
  /** True when every key of the range was read (the limit was not what stopped it). */
  exhausted: boolean;
}

export interface HistoryEntry<T> {
  txId: string;
  timestamp: string;
  isDelete: boolean;
  value: T | undefined;
}

/**
 * No value stored: fabric-shim's typings promise a Uint8Array, but a missing key
 * comes back empty (and, from some shim versions, undefined), so both count.
 */
function isEmpty(bytes: Uint8Array | undefined): boolean {
  return bytes === undefined || bytes.length === 0;
}

export class Ledger {
  /** This transaction's writes, by key; `null` is a delete. */
  private readonly writes = new Map<string, Uint8Array | null>();

  constructor(private readonly stub: ChaincodeStub) {}

  get txId(): string {
    return this.stub.getTxID();
  }

  /** Transaction time as an ISO-8601 string: the proposal timestamp, identical on every endorser. */
  get txTime(): string {
    return this.stub.getDateTimestamp().toISOString();
  }

  get txTimeMs(): number {
    return this.stub.getDateTimestamp().getTime();
  }

  get channelId(): string {
    return this.stub.getChannelID();
  }

  key(objectType: string, ...attributes: string[]): string {
    return this.stub.createCompositeKey(objectType, attributes);
  }

  splitKey(key: string): { objectType: string; attributes: string[] } {
    return this.stub.splitCompositeKey(key);
  }

  async get<T>(key: string, decode: Decoder<T>): Promise<T | undefined> {
    const pending = this.writes.get(key);
    if (pending === null) return undefined;
    const bytes = pending ?? (await this.stub.getState(key));
    if (isEmpty(bytes)) return undefined;
    return decode(fromBytes(bytes));
  }

  async require<T>(key: string, decode: Decoder<T>, what: string, id: string): Promise<T> {
    const value = await this.get(key, decode);
    if (value === undefined) throw new NotFoundError(what, id);
    return value;
  }

  async exists(key: string): Promise<boolean> {
    const pending = this.writes.get(key);
    if (pending !== undefined) return pending !== null;
    return !isEmpty(await this.stub.getState(key));
  }

  async put(key: string, value: unknown): Promise<void> {
    const bytes = toBytes(value);
    this.writes.set(key, bytes);
    await this.stub.putState(key, bytes);
  }

  async delete(key: string): Promise<void> {
    this.writes.set(key, null);
    await this.stub.deleteState(key);
  }

  /**
   * Every entry under a partial composite key, in key order. Range reads are
   * re-checked at commit (phantom protection), so keep them off hot write paths.
   * Writes made earlier in this transaction are not merged in.
   */
  async list<T>(objectType: string, attributes: string[], decode: Decoder<T>): Promise<Entry<T>[]> {
    const iterator = await this.stub.getStateByPartialCompositeKey(objectType, attributes);
    return this.drain(iterator, decode);
  }

  /** One page under a partial composite key. Evaluate (query) transactions only: Fabric refuses paginated reads in submits. */
  async page<T>(objectType: string, attributes: string[], pageSize: number, bookmark: string, decode: Decoder<T>): Promise<Page<T>> {
    const prefix = this.stub.createCompositeKey(objectType, attributes);
    requireBookmarkIn(bookmark, prefix, `${prefix}\u{10FFFF}`);
    const { iterator, metadata } = await this.stub.getStateByPartialCompositeKeyWithPagination(
      objectType,
      attributes,
      pageSize,
      bookmark,
    );
    const items = await this.drain(iterator, decode);
    return { items, bookmark: metadata.bookmark };
  }

  /**
   * At most `limit` entries of the ordered-key range [start, end) (ordered-keys.ts), in key
   * order, and stops there: the iterator is closed early, so the peer records (and re-checks
   * at commit) the range only up to the last key it read, not the rest. Keys written
   * earlier in this transaction are not merged in.
   */
  async readRange<T>(start: string, end: string, limit: number, decode: Decoder<T>): Promise<RangeRead<T>> {
    const iterator = await this.stub.getStateByRange(start, end);
    const items: Entry<T>[] = [];
    try {
      while (items.length < limit) {
        const r = await iterator.next();
        if (r.done) return { items, exhausted: true };
        items.push(this.orderedEntry(r.value.key, r.value.value, decode));
      }
    } finally {
      await iterator.close();
    }
    return { items, exhausted: false };
  }

  /** One page of the ordered-key range [start, end). Evaluate (query) transactions only. */
  async pageRange<T>(start: string, end: string, pageSize: number, bookmark: string, decode: Decoder<T>): Promise<Page<T>> {
    requireBookmarkIn(bookmark, start, end);
    const response = (await this.stub.getStateByRangeWithPagination(start, end, pageSize, bookmark)) as {
      iterator: Iterators.StateQueryIterator;
      metadata?: { bookmark: string };
    };
    const items: Entry<T>[] = [];
    try {
      for (let r = await response.iterator.next(); !r.done; r = await response.iterator.next()) items.push(this.orderedEntry(r.value.key, r.value.value, decode));
    } finally {
      await response.iterator.close();
    }
    // A real peer sends no metadata for an empty last page (see contract/shim-stub.ts).
    return { items, bookmark: response.metadata?.bookmark ?? '' };
  }

  /** History of one key, newest first. Not re-validated at commit: evaluate only. */
  async history<T>(key: string, decode: Decoder<T>): Promise<HistoryEntry<T>[]> {
    const iterator = await this.stub.getHistoryForKey(key);
    const out: HistoryEntry<T>[] = [];
    try {
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
        const m = r.value;
        const seconds = Number(m.timestamp.seconds);
        const millis = seconds * 1000 + Math.floor(m.timestamp.nanos / 1e6);
        out.push({
          txId: m.txId,
          timestamp: new Date(millis).toISOString(),
          isDelete: m.isDelete,
          value: m.isDelete || m.value.length === 0 ? undefined : decode(fromBytes(m.value)),
        });
      }
    } finally {
      await iterator.close();
    }
    return out;
  }

  // --- private data -------------------------------------------------------

  async getPrivate<T>(collection: string, key: string, decode: Decoder<T>): Promise<T | undefined> {
    const bytes = await this.stub.getPrivateData(collection, key);
    if (isEmpty(bytes)) return undefined;
    return decode(fromBytes(bytes));
  }

  /**
   * Writes a private record with a `salt` field. Every channel member sees the
   * SHA-256 of the value in the block, so an unsalted record with few likely
   * values (an advance rate, an exposure) can be recovered by trying them. The
   * salt comes from the client's transient map (random, never derived from public
   * data); each key gets its own, SHA-256(salt, key), so two records written by
   * one transaction never share one.
   */
  async putPrivate(collection: string, key: string, value: object, salt: string): Promise<void> {
    if (!/^[0-9a-f]{32,128}$/.test(salt)) throw new Error('putPrivate: salt must be 32-128 lowercase hex characters of randomness');
    const recordSalt = createHash('sha256').update(salt).update('\u0000').update(key).digest('hex');
    await this.stub.putPrivateData(collection, key, toBytes({ ...value, salt: recordSalt }));
  }

  /** SHA-256 of a private value as every channel member sees it (hex), or undefined. */
  async privateHash(collection: string, key: string): Promise<string | undefined> {
    const bytes = await this.stub.getPrivateDataHash(collection, key);
    if (isEmpty(bytes)) return undefined;
    return Buffer.from(bytes).toString('hex');
  }

  /** A transient-map entry parsed as JSON, or undefined when absent. */
  transient<T>(name: string, decode: Decoder<T>): T | undefined {
    const bytes = this.stub.getTransient().get(name);
    if (!bytes || bytes.length === 0) return undefined;
    return decode(fromBytes(bytes));
  }

  /**
   * State-based endorsement: from now on, changes to `key` are validated against
   * this policy only (see key-policy.ts): every `required` org AND at least
   * `atLeast` distinct member orgs in total.
   */
  async requireEndorsement(key: string, spec: KeyPolicySpec): Promise<void> {
    await this.stub.setStateValidationParameter(key, keyEndorsementPolicy(spec));
  }

  // --- events ---------------------------------------------------------------

  /** Fabric keeps one event per transaction: the contract base collects and calls this once. */
  setEvent(name: string, payload: unknown): void {
    this.stub.setEvent(name, toBytes(payload));
  }

  private orderedEntry<T>(key: string, value: Uint8Array, decode: Decoder<T>): Entry<T> {
    return { key, attributes: splitOrderedKey(key).attributes, value: decode(fromBytes(value)) };
  }

  private async drain<T>(iterator: Iterators.StateQueryIterator, decode: Decoder<T>): Promise<Entry<T>[]> {
    const out: Entry<T>[] = [];
    try {
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
        const { key, value } = r.value;
        out.push({ key, attributes: this.splitKey(key).attributes, value: decode(fromBytes(value)) });
      }
    } finally {
      await iterator.close();
    }
    return out;
  }
}

/**
 * A peer starts a paged read at the bookmark in place of the range's start key, so a
 * bookmark made up by the caller (or taken from another query) would read keys outside the
 * query's range: other records, decoded as the wrong type. A bookmark must lie in the range.
 */
function requireBookmarkIn(bookmark: string, start: string, end: string): void {
  if (bookmark !== '' && (bookmark < start || bookmark >= end)) throw new ValidationError('request.bookmark', 'does not belong to this query');
}
