/**
 * Slot times. A slot is named by its start, ISO-8601 UTC with milliseconds,
 * aligned to the zone's slot length. All derived times are whole minutes from it.
 */
import { ValidationError } from '@dec/chaincode-kit/core';
import type { ZoneConfig } from './state';

const MINUTE = 60_000;

export const iso = (ms: number): string => new Date(ms).toISOString();

export function requireAligned(slot: string, slotMinutes: number, field = 'request.slot'): void {
  if (Date.parse(slot) % (slotMinutes * MINUTE) !== 0) throw new ValidationError(field, `must be the start of a ${slotMinutes}-minute slot`);
}

export interface SlotTimes {
  start: number;
  end: number;
  /** Gate closure: posting, amending and cancelling end; matching may start. */
  gate: number;
  /** Settlement may start (end of the meter data grace period). */
  settleFrom: number;
  /** Buy escrow expiry: after this the buyer can take its hold back itself. */
  holdExpiry: number;
}

export function slotTimes(slot: string, z: Pick<ZoneConfig, 'slotMinutes' | 'gateMinutes' | 'graceMinutes' | 'settleWindowMinutes'>): SlotTimes {
  const start = Date.parse(slot);
  const end = start + z.slotMinutes * MINUTE;
  const settleFrom = end + z.graceMinutes * MINUTE;
  return { start, end, gate: start - z.gateMinutes * MINUTE, settleFrom, holdExpiry: settleFrom + z.settleWindowMinutes * MINUTE };
}

/** The metering interval starts that make up a market slot for a meter with `meterSlotMinutes`. */
export function meterIntervals(slot: string, slotMinutes: number, meterSlotMinutes: number): string[] {
  const start = Date.parse(slot);
  const out: string[] = [];
  for (let t = 0; t < slotMinutes; t += meterSlotMinutes) out.push(iso(start + t * MINUTE));
  return out;
}
