/** What every page gets: the API client, who is signed in, and what that identity may see. */
import type { Api } from '../api/client';
import type { Identity } from '../api/types';

export interface Ctx {
  api: Api;
  me: Identity;
  /** Channels the caller's org is a member of (the gateway's 403 decides, not the UI). */
  channels: string[];
  /** Blocks, transactions and key history: regulators and API admins only. */
  ledger: boolean;
  /** Registers cleanup for when the page is left (live streams). */
  onLeave(fn: () => void): void;
}

export type View = (ctx: Ctx) => Promise<HTMLElement>;
