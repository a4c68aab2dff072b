/**
 * The gateway API client: the explorer's only source of data. Every call
 * carries the signed-in API key (`Authorization: Bearer`), so the gateway
 * answers with exactly what that identity's org may see.
 */
import { Capabilities, txPath, type OpenApiDoc } from '../model/capabilities';
import type { ChannelInfo, DecodedBlock, DecodedTransaction, HistoryEntry, Identity } from './types';

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

/** Blocks never change once committed, so each is fetched once per session. */
const BLOCK_CACHE_LIMIT = 500;

export class Api {
  private readonly blocks = new Map<string, DecodedBlock>();

  constructor(
    readonly apiKey: string,
    readonly caps: Capabilities,
    private readonly base = '',
  ) {}

  static async capabilities(base = ''): Promise<Capabilities> {
    const res = await fetch(`${base}/openapi.json`);
    if (!res.ok) throw new ApiFailure(res.status, 'NETWORK_UNAVAILABLE', `the gateway's API description is not reachable (${res.status})`);
    return new Capabilities((await res.json()) as OpenApiDoc);
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new ApiFailure(res.status, err?.code ?? 'HTTP_' + res.status, err?.message ?? res.statusText);
    }
    return json as T;
  }

  me(): Promise<Identity> {
    return this.request('GET', '/api/v1/identities/me');
  }

  channelInfo(channel: string): Promise<ChannelInfo> {
    return this.request('GET', `/api/v1/ledger/${encodeURIComponent(channel)}`);
  }

  async block(channel: string, n: number): Promise<DecodedBlock> {
    const key = `${channel}:${n}`;
    const cached = this.blocks.get(key);
    if (cached) return cached;
    const block = await this.request<DecodedBlock>('GET', `/api/v1/ledger/${encodeURIComponent(channel)}/blocks/${n}`);
    if (this.blocks.size >= BLOCK_CACHE_LIMIT) this.blocks.delete(this.blocks.keys().next().value as string);
    this.blocks.set(key, block);
    return block;
  }

  transaction(channel: string, txId: string): Promise<DecodedTransaction> {
    return this.request('GET', `/api/v1/ledger/${encodeURIComponent(channel)}/transactions/${encodeURIComponent(txId)}`);
  }

  keyHistory(channel: string, objectType: string, attributes: string[]): Promise<{ key: unknown; history: HistoryEntry[] }> {
    const q = new URLSearchParams({ objectType, attributes: attributes.join(',') });
    return this.request('GET', `/api/v1/ledger/${encodeURIComponent(channel)}/history?${q}`);
  }

  /** Whether the gateway routes a chaincode transaction (`contract:Tx`) on a channel. */
  offers(channel: string, wireName: string): boolean {
    return this.caps.has(txPath(channel, wireName));
  }

  /** Evaluates a chaincode transaction through its gateway route; returns the chaincode's result. */
  async evaluate<T>(channel: string, wireName: string, input?: unknown): Promise<T> {
    const path = txPath(channel, wireName);
    const method = this.caps.method(path);
    if (!method) throw new ApiFailure(404, 'NOT_AVAILABLE', `this gateway has no route for ${wireName} on ${channel}`);
    const out = await this.request<{ result: T }>(method === 'get' ? 'GET' : 'POST', path, method === 'get' ? undefined : (input ?? {}));
    return out.result;
  }

  /**
   * Membership probe: `network:Info` is open to every member of a channel; the
   * gateway answers 403 to others before asking Fabric, so a refusal is quick.
   * A channel that does not answer within `timeoutMs` reports 0 (unknown).
   */
  async channelStatus(channel: string, timeoutMs = 5000): Promise<number> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      await this.request('GET', `/api/v1/${encodeURIComponent(channel)}/network/info`, undefined, abort.signal);
      return 200;
    } catch (e) {
      return e instanceof ApiFailure ? e.status : 0;
    } finally {
      clearTimeout(timer);
    }
  }
}
