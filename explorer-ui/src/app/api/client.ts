/**
 * The gateway API client: the explorer's only source of data. Requests go
 * through openapi-fetch, typed by the paths generated from
 * gateway-api/openapi.json (schema.generated.ts), so a route or answer that
 * changes in the gateway fails the explorer's type check. Every call carries
 * the signed-in API key (`Authorization: Bearer`), so the gateway answers with
 * exactly what that identity's org may see.
 */
import createClient, { type Client } from 'openapi-fetch';
import { Capabilities, txPath, type OpenApiDoc } from '../model/capabilities';
import type { paths } from './schema.generated';
import type { TxRoutes } from './tx-routes';
import type { ChannelInfo, Consortium, DecodedBlock, DecodedTransaction, ErrorBody, HolderQuery, Identity, IndexActivity, IndexedBlockPage, IndexOverview, IndexedStatePage, IndexedTransactionPage, IndexStatus, KeyHistory, MovementQuery, StateQuery, TokenHolderPage, TokenMovementPage, TxQuery } from './types';

/** A failed call, with the gateway's stable error code (gateway-api http/errors.ts). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

const isErrorBody = (body: unknown): body is ErrorBody =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'object' && (body as { error: unknown }).error !== null;

/** What openapi-fetch resolves to: the parsed success body, or the parsed error body, and the response. */
interface Reply<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The success body of a reply; a non-2xx answer throws an ApiFailure with the gateway's code and message. */
async function unwrap<T>(reply: Promise<Reply<T>>): Promise<T> {
  const { data, error, response } = await reply;
  if (!response.ok) {
    const err = isErrorBody(error) ? error.error : undefined;
    throw new ApiFailure(response.status, err?.code ?? `HTTP_${response.status}`, err?.message ?? response.statusText);
  }
  return data as T;
}

/** Blocks never change once committed, so each is fetched once per session. */
const BLOCK_CACHE_LIMIT = 500;

export class Api {
  private readonly blocks = new Map<string, DecodedBlock>();
  /** The gateway's own routes (identities, ledger), typed path by path. */
  private readonly gateway: Client<paths>;
  /** Chaincode transaction routes, chosen at run time from what this gateway serves (Capabilities). */
  private readonly tx: Client<TxRoutes>;

  constructor(
    readonly apiKey: string,
    readonly caps: Capabilities,
    base = '',
  ) {
    const options = { baseUrl: base, headers: { authorization: `Bearer ${apiKey}` } };
    this.gateway = createClient<paths>(options);
    this.tx = createClient<TxRoutes>(options);
  }

  static async capabilities(base = ''): Promise<Capabilities> {
    const res = await fetch(`${base}/openapi.json`);
    if (!res.ok) throw new ApiFailure(res.status, 'NETWORK_UNAVAILABLE', `the gateway's API description is not reachable (${res.status})`);
    return new Capabilities((await res.json()) as OpenApiDoc);
  }

  me(): Promise<Identity> {
    return unwrap(this.gateway.GET('/api/v1/identities/me'));
  }

  channelInfo(channel: string): Promise<ChannelInfo> {
    return unwrap(this.gateway.GET('/api/v1/ledger/{channel}', { params: { path: { channel } } }));
  }

  async block(channel: string, n: number): Promise<DecodedBlock> {
    const key = `${channel}:${n}`;
    const cached = this.blocks.get(key);
    if (cached) return cached;
    const block = await unwrap(this.gateway.GET('/api/v1/ledger/{channel}/blocks/{number}', { params: { path: { channel, number: String(n) } } }));
    if (this.blocks.size >= BLOCK_CACHE_LIMIT) this.blocks.delete(this.blocks.keys().next().value as string);
    this.blocks.set(key, block);
    return block;
  }

  transaction(channel: string, txId: string): Promise<DecodedTransaction> {
    return unwrap(this.gateway.GET('/api/v1/ledger/{channel}/transactions/{txId}', { params: { path: { channel, txId } } }));
  }

  keyHistory(channel: string, objectType: string, attributes: string[]): Promise<KeyHistory> {
    return unwrap(this.gateway.GET('/api/v1/ledger/{channel}/history', { params: { path: { channel }, query: { objectType, attributes: attributes.join(',') } } }));
  }

  /** The gateway's index of a channel (index routes): how far it is, and its paged lists. */
  indexStatus(channel: string): Promise<IndexStatus> {
    return unwrap(this.gateway.GET('/api/v1/index/{channel}', { params: { path: { channel } } }));
  }

  indexBlocks(channel: string, before?: number, limit = 10): Promise<IndexedBlockPage> {
    return unwrap(this.gateway.GET('/api/v1/index/{channel}/blocks', { params: { path: { channel }, query: { limit: String(limit), ...(before !== undefined ? { before: String(before) } : {}) } } })) as Promise<IndexedBlockPage>; // the list routes also answer text/csv (csv-export.ts)
  }

  indexTransactions(channel: string, query: TxQuery): Promise<IndexedTransactionPage> {
    return unwrap(this.gateway.GET('/api/v1/index/{channel}/transactions', { params: { path: { channel }, query } })) as Promise<IndexedTransactionPage>; // the list routes also answer text/csv (csv-export.ts)
  }

  indexState(channel: string, objectType: StateQuery['objectType'], query: Omit<StateQuery, 'objectType'> = {}): Promise<IndexedStatePage> {
    return unwrap(this.gateway.GET('/api/v1/index/{channel}/state/{objectType}', { params: { path: { channel, objectType }, query } })) as Promise<IndexedStatePage>; // the list routes also answer text/csv (csv-export.ts)
  }

  /** A channel's first view in one read of the index: status, latest blocks and transactions, activity per minute. */
  indexOverview(channel: string, counts: { blocks?: number; transactions?: number; minutes?: number } = {}): Promise<IndexOverview> {
    const query = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)]));
    return unwrap(this.gateway.GET('/api/v1/index/{channel}/overview', { params: { path: { channel }, query } }));
  }

  indexActivity(channel: string, minutes = 60): Promise<IndexActivity> {
    return unwrap(this.gateway.GET('/api/v1/index/{channel}/activity', { params: { path: { channel }, query: { minutes: String(minutes) } } }));
  }

  /** Largest holders of an asset (regulator and platform operator only). */
  tokenHolders(channel: string, query: HolderQuery): Promise<TokenHolderPage> {
    return unwrap(this.gateway.GET('/api/v1/index/{channel}/tokens/holders', { params: { path: { channel }, query } })) as Promise<TokenHolderPage>; // the list routes also answer text/csv (csv-export.ts)
  }

  /** Latest outgoing token movements (regulator and platform operator only). */
  tokenMovements(channel: string, query: MovementQuery): Promise<TokenMovementPage> {
    return unwrap(this.gateway.GET('/api/v1/index/{channel}/tokens/movements', { params: { path: { channel }, query } })) as Promise<TokenMovementPage>; // the list routes also answer text/csv (csv-export.ts)
  }

  consortium(): Promise<Consortium> {
    return unwrap(this.gateway.GET('/api/v1/consortium'));
  }

  /** Whether the gateway routes a chaincode transaction (`contract:Tx`) on a channel. */
  offers(channel: string, wireName: string): boolean {
    return this.caps.has(txPath(channel, wireName));
  }

  /**
   * Evaluates a chaincode transaction through its gateway route; returns the
   * chaincode's result. The OpenAPI document types the envelope only, so the
   * caller names the result's shape.
   */
  async evaluate<T>(channel: string, wireName: string, input?: Record<string, unknown>): Promise<T> {
    const path = txPath(channel, wireName);
    const method = this.caps.method(path);
    if (!method) throw new ApiFailure(404, 'NOT_AVAILABLE', `this gateway has no route for ${wireName} on ${channel}`);
    const reply = method === 'get' ? this.tx.GET(path) : this.tx.POST(path, { body: input ?? {} });
    return (await unwrap(reply)).result as T;
  }

  /**
   * Membership probe: `network:Info` is open to every member of a channel; the
   * gateway answers 403 to others before asking Fabric, so a refusal is quick.
   * A channel that does not answer within `timeoutMs` reports 0 (unknown).
   */
  async channelStatus(channel: string, timeoutMs = 5000): Promise<number> {
    const abort = new AbortController();
    const timer = setTimeout(() => { abort.abort(); }, timeoutMs);
    try {
      await unwrap(this.tx.GET(txPath(channel, 'network:Info'), { signal: abort.signal }));
      return 200;
    } catch (e) {
      return e instanceof ApiFailure ? e.status : 0;
    } finally {
      clearTimeout(timer);
    }
  }
}
