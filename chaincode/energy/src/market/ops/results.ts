/** The shapes market operations return besides plain state records. */
import type { Clearing, Emergency, Offer, Trade, TradeSettlement } from '../state';

/** One page of matching or settlement of a slot; call again until `done`. */
export interface ClearingPage {
  clearing: Clearing;
  page: { from: number; to: number };
  done: boolean;
}

export interface EmergencyWithOffers {
  emergency: Emergency;
  offers: Offer[];
}

/** A participant's settlement statement for one slot and zone. */
export interface Statement {
  eid: string;
  slot: string;
  zone: string;
  clearing: string;
  bought: { trades: Trade[]; quantityWh: string; deliveredWh: string; paid: string; penaltiesReceived: string };
  sold: { trades: Trade[]; quantityWh: string; deliveredWh: string; gross: string; fees: string; assigned: string; penaltiesPaid: string };
  escrow: { orderId: string; holdId: string | undefined; maxCost: string | undefined; paid: string | undefined; released: string | undefined; status: string }[];
}

export type { TradeSettlement };
