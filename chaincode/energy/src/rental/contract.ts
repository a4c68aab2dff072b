/**
 * The `rental` contract: equipment rental (white paper 4.1.2, vehicles and
 * other devices). Thin: each transaction is registered from its line in the
 * transaction map and hands over to the operations in ./ops.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as i from './inputs';
import * as items from './ops/items';
import * as rentals from './ops/rentals';
import * as reservations from './ops/reservations';

@Info({ title: 'rental', description: 'Equipment rental: vehicles and other devices reserved for a window, rented by time, returned inside a return zone' })
export class RentalContract extends DecContract {
  constructor() {
    super('rental');
  }

  @Tx(ENERGY, 'rental:ListItem')
  ListItem(ctx: DecContext, input: z.output<typeof i.listItemInput>, env: EnergyEnv): Promise<unknown> {
    return items.listItem(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:SetItemState')
  SetItemState(ctx: DecContext, input: z.output<typeof i.setItemStateInput>, env: EnergyEnv): Promise<unknown> {
    return items.setItemState(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:Reserve')
  Reserve(ctx: DecContext, input: z.output<typeof i.reserveItemInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.reserve(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:Cancel')
  Cancel(ctx: DecContext, input: z.output<typeof i.rentalReservationInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.cancel(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:NoShow')
  NoShow(ctx: DecContext, input: z.output<typeof i.rentalReservationInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.noShow(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:StartReserved')
  StartReserved(ctx: DecContext, input: z.output<typeof i.startReservedRentalInput>, env: EnergyEnv): Promise<unknown> {
    return rentals.startReserved(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:StartInstant')
  StartInstant(ctx: DecContext, input: z.output<typeof i.startInstantRentalInput>, env: EnergyEnv): Promise<unknown> {
    return rentals.startInstant(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:Return')
  Return(ctx: DecContext, input: z.output<typeof i.returnItemInput>, env: EnergyEnv): Promise<unknown> {
    return rentals.returnItem(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:GetItem')
  GetItem(ctx: DecContext, input: z.output<typeof i.itemInput>): Promise<unknown> {
    return items.getItem(ctx, input);
  }

  @Tx(ENERGY, 'rental:Search')
  Search(ctx: DecContext, input: z.output<typeof i.searchItemsInput>): Promise<unknown> {
    return items.search(ctx, input);
  }

  @Tx(ENERGY, 'rental:GetReservation')
  GetReservation(ctx: DecContext, input: z.output<typeof i.rentalReservationInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.getReservation(ctx, input, env);
  }

  @Tx(ENERGY, 'rental:GetRental')
  GetRental(ctx: DecContext, input: z.output<typeof i.rentalInput>, env: EnergyEnv): Promise<unknown> {
    return rentals.getRental(ctx, input, env);
  }
}
