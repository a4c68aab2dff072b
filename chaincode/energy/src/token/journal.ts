/**
 * A transaction's postings: every change of value, as a signed delta on a
 * place (an account, `hold:<id>`, `deposit:<account>`), with minting and
 * burning posted against the issuance place. Each asset's deltas must sum to
 * zero, which is exactly "the transaction conserves value": the token store
 * checks it before it lets a transaction finish, so a bug that creates or
 * destroys value aborts the transaction instead of committing.
 */
import type { Asset } from './accounts';

export const ISSUANCE = '(issuance)';

export interface Posting {
  asset: Asset;
  place: string;
  delta: bigint;
}

export class ConservationError extends Error {
  constructor(asset: Asset, imbalance: bigint) {
    super(`internal error: ${asset} not conserved (imbalance ${imbalance}); transaction refused`);
  }
}

export class Journal {
  private readonly postings: Posting[] = [];
  private readonly issued = new Map<Asset, { minted: bigint; burned: bigint }>();

  post(asset: Asset, place: string, delta: bigint): void {
    if (delta !== 0n) this.postings.push({ asset, place, delta });
  }

  mint(asset: Asset, amount: bigint): void {
    this.post(asset, ISSUANCE, -amount);
    this.issuance(asset).minted += amount;
  }

  burn(asset: Asset, amount: bigint): void {
    this.post(asset, ISSUANCE, amount);
    this.issuance(asset).burned += amount;
  }

  private issuance(asset: Asset): { minted: bigint; burned: bigint } {
    let entry = this.issued.get(asset);
    if (!entry) this.issued.set(asset, (entry = { minted: 0n, burned: 0n }));
    return entry;
  }

  /** Minted and burned per asset in this transaction. */
  supplyChanges(): { asset: Asset; minted: bigint; burned: bigint }[] {
    return [...this.issued.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([asset, v]) => ({ asset, ...v }));
  }

  /** Net change per (asset, place), in a stable order. */
  net(): Posting[] {
    const byKey = new Map<string, Posting>();
    for (const p of this.postings) {
      const k = `${p.asset}|${p.place}`;
      const prev = byKey.get(k);
      byKey.set(k, { ...p, delta: (prev?.delta ?? 0n) + p.delta });
    }
    return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
  }

  assertConserved(): void {
    const totals = new Map<Asset, bigint>();
    for (const p of this.postings) totals.set(p.asset, (totals.get(p.asset) ?? 0n) + p.delta);
    for (const [asset, total] of totals) if (total !== 0n) throw new ConservationError(asset, total);
  }
}
