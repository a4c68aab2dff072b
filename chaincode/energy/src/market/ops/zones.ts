/** Market zones: the platform operator creates or updates a zone's trading parameters. */
import { ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type * as inputs from '../inputs';
import type { ZoneConfig } from '../state';
import { MarketStore } from '../store';
import { DEFAULT_ZONE } from './shared';

export async function configureZone(ctx: DecContext, input: z.output<typeof inputs.configureZoneInput>): Promise<ZoneConfig> {
  const store = new MarketStore(ctx.ledger);
  const previous = await store.zone(input.zone);
  if (previous && input.slotMinutes !== undefined && input.slotMinutes !== previous.slotMinutes) {
    throw new ValidationError('request.slotMinutes', `is fixed at ${previous.slotMinutes} for zone ${input.zone} (orders are aligned to it)`);
  }
  const base = previous ?? { ...DEFAULT_ZONE, zone: input.zone };
  const { zone: _z, ...changes } = input;
  // Only the parameters given change the zone (an absent optional field is not a reset).
  const given = (Object.entries(changes) as [string, unknown][]).filter(([, v]) => v !== undefined);
  const next: ZoneConfig = { ...base, ...Object.fromEntries(given), zone: input.zone, updatedAt: ctx.ledger.txTime, updatedTxId: ctx.ledger.txId };
  await store.saveZone(next);
  ctx.emit('ZoneConfigured', next);
  return next;
}

