/**
 * Settlement of one delivery obligation (a trade, a PPA slot or a dispatched
 * emergency offer) from metered interval energy. Pure; every division rounds
 * down (toward zero).
 *
 *   sellerAlloc = clamp(sellerExportWh − sellerPriorWh, 0, q)   export owed to this obligation
 *   buyerAlloc  = clamp(buyerImportWh  − buyerPriorWh,  0, q)   import attributable to it
 *   delivered   = min(sellerAlloc, buyerAlloc)                   energy the seller delivered and the buyer took
 *   paid        = floor(delivered × price / 1000)                DECC base units (price is per kWh)
 *   fee         = floor(paid × feeBps / 10000)                   to sys:fees, out of the seller's proceeds
 *   sellerNet   = paid − fee                                     to the seller (or its assignees)
 *   shortfall   = q − sellerAlloc                                the seller's under-delivery
 *   penalised   = max(0, shortfall − floor(q × toleranceBps / 10000))
 *   penalty     = floor(penalised × penaltyPerKwh / 1000)        DEC, from the seller's deposit to the buyer
 *
 * "Prior" energy is what earlier commitments of the same meter in the slot
 * take first (PPAs, then earlier trades in matching order), so each
 * obligation settles on its own yet a meter's energy is never counted twice.
 * Over-delivery (export beyond all commitments) is not paid by the market and
 * is never penalised. Missing meter data (no interval record by the time
 * settlement runs, which is after the grace period): a silent seller meter
 * counts as no export (not paid, penalised); a silent buyer meter counts as
 * taking the full quantity, so a buyer cannot avoid paying by keeping its
 * meter quiet. A buyer taking less than it bought (with data) pays only for
 * what it took; the seller is not penalised for that.
 */
import type { SettlementParams, TradeSettlement } from './state';

export const BPS = 10_000n;

export interface Obligation {
  quantityWh: bigint;
  price: bigint;
  sellerPriorWh: bigint;
  buyerPriorWh: bigint;
}

/** Metered energy of a meter in the slot, or undefined when it has no interval data. */
export interface SlotEnergy {
  importWh: bigint;
  exportWh: bigint;
  /**
   * Export of intervals metering marked `interpolated` (spread pro rata from a
   * reading that spanned several intervals): an estimate, not a measurement of
   * delivery in this slot, so it never counts as a seller's delivery (issue 13).
   */
  interpolatedExportWh?: bigint;
}

export interface SettlementMath {
  /** The seller's measured export in the slot (interpolated export left out). */
  sellerExportWh: bigint | null;
  /** Some of the seller's export in the slot was interpolated and did not count. */
  sellerInterpolated: boolean;
  buyerImportWh: bigint | null;
  sellerAllocWh: bigint;
  buyerAllocWh: bigint;
  deliveredWh: bigint;
  paid: bigint;
  fee: bigint;
  sellerNet: bigint;
  shortfallWh: bigint;
  penalty: bigint;
  data: TradeSettlement['data'];
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

export function allocate(energy: bigint, prior: bigint, q: bigint): bigint {
  return min(max(energy - prior, 0n), q);
}

export function costOf(quantityWh: bigint, pricePerKwh: bigint): bigint {
  return (quantityWh * pricePerKwh) / 1000n;
}

/** The escrow a buy order needs: its quantity at its limit price, rounded up, so any fill at any price ≤ limit is covered. */
export function maxCost(quantityWh: bigint, limitPrice: bigint): bigint {
  return (quantityWh * limitPrice + 999n) / 1000n;
}

/** The seller's export that counts as delivered: measured, never interpolated (undefined: no data). */
export function measuredExport(seller: SlotEnergy | undefined): bigint | undefined {
  return seller ? seller.exportWh - (seller.interpolatedExportWh ?? 0n) : undefined;
}

export function settleObligation(
  o: Obligation,
  seller: SlotEnergy | undefined,
  buyer: SlotEnergy | undefined,
  params: SettlementParams,
): SettlementMath {
  const q = o.quantityWh;
  const sellerInterpolated = (seller?.interpolatedExportWh ?? 0n) > 0n;
  const sellerMeasuredWh = measuredExport(seller);
  const sellerAllocWh = sellerMeasuredWh === undefined ? 0n : allocate(sellerMeasuredWh, o.sellerPriorWh, q);
  const buyerAllocWh = buyer ? allocate(buyer.importWh, o.buyerPriorWh, q) : q;
  const deliveredWh = min(sellerAllocWh, buyerAllocWh);
  const paid = costOf(deliveredWh, o.price);
  const fee = (paid * BigInt(params.feeBps)) / BPS;
  const shortfallWh = q - sellerAllocWh;
  const tolerance = (q * BigInt(params.toleranceBps)) / BPS;
  const penalised = max(shortfallWh - tolerance, 0n);
  const penalty = (penalised * BigInt(params.penaltyPerKwh)) / 1000n;
  return {
    sellerExportWh: sellerMeasuredWh ?? null,
    sellerInterpolated,
    buyerImportWh: buyer ? buyer.importWh : null,
    sellerAllocWh,
    buyerAllocWh,
    deliveredWh,
    paid,
    fee,
    sellerNet: paid - fee,
    shortfallWh,
    penalty,
    data: dataOf(seller, buyer),
  };
}

/** Which meters had data for the slot. */
function dataOf(seller: SlotEnergy | undefined, buyer: SlotEnergy | undefined): TradeSettlement['data'] {
  if (seller && buyer) return 'complete';
  if (seller) return 'buyer-missing';
  return buyer ? 'seller-missing' : 'both-missing';
}

/** Sums the metering intervals that make up one market slot (undefined when none exists). */
export function sumIntervals(parts: readonly (SlotEnergy | undefined)[]): SlotEnergy | undefined {
  let found = false;
  let importWh = 0n;
  let exportWh = 0n;
  let interpolatedExportWh = 0n;
  for (const p of parts) {
    if (!p) continue;
    found = true;
    importWh += p.importWh;
    exportWh += p.exportWh;
    interpolatedExportWh += p.interpolatedExportWh ?? 0n;
  }
  return found ? { importWh, exportWh, interpolatedExportWh } : undefined;
}
