/**
 * The `store` contract (white paper 4.1.4): sellers with a DEC deposit list
 * products; buyers search and buy with escrow; shipment evidence, confirmation
 * or timeout release payment; after-sale service and ratings. Thin: each
 * transaction is registered from its line in the transaction map and hands
 * over to ops/.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as i from './inputs';
import * as afterSale from './ops/after-sale';
import * as catalog from './ops/catalog';
import * as orders from './ops/orders';
import * as queries from './ops/queries';

@Info({ title: 'store', description: 'DEC new-energy store: listings, escrowed orders, after-sale service, seller ratings' })
export class StoreContract extends DecContract {
  constructor() {
    super('store');
  }

  @Tx(ENERGY, 'store:ListProduct')
  ListProduct(ctx: DecContext, input: z.output<typeof i.listProductInput>, env: EnergyEnv): Promise<unknown> {
    return catalog.listProduct(ctx, input, env);
  }

  @Tx(ENERGY, 'store:UpdateProduct')
  UpdateProduct(ctx: DecContext, input: z.output<typeof i.updateProductInput>, env: EnergyEnv): Promise<unknown> {
    return catalog.updateProduct(ctx, input, env);
  }

  @Tx(ENERGY, 'store:CloseShop')
  CloseShop(ctx: DecContext, input: z.output<typeof i.sellerInput>, env: EnergyEnv): Promise<unknown> {
    return catalog.closeShop(ctx, input, env);
  }

  @Tx(ENERGY, 'store:Buy')
  Buy(ctx: DecContext, input: z.output<typeof i.buyInput>, env: EnergyEnv): Promise<unknown> {
    return orders.buy(ctx, input, env);
  }

  @Tx(ENERGY, 'store:Ship')
  Ship(ctx: DecContext, input: z.output<typeof i.shipInput>, env: EnergyEnv): Promise<unknown> {
    return orders.ship(ctx, input, env);
  }

  @Tx(ENERGY, 'store:Confirm')
  Confirm(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return orders.confirm(ctx, input, env);
  }

  @Tx(ENERGY, 'store:Release')
  Release(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return orders.release(ctx, input, env);
  }

  @Tx(ENERGY, 'store:Cancel')
  Cancel(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return orders.cancel(ctx, input, env);
  }

  @Tx(ENERGY, 'store:RequestAfterSale')
  RequestAfterSale(ctx: DecContext, input: z.output<typeof i.afterSaleInput>, env: EnergyEnv): Promise<unknown> {
    return afterSale.requestAfterSale(ctx, input, env);
  }

  @Tx(ENERGY, 'store:HandleAfterSale')
  HandleAfterSale(ctx: DecContext, input: z.output<typeof i.handleAfterSaleInput>, env: EnergyEnv): Promise<unknown> {
    return afterSale.handleAfterSale(ctx, input, env);
  }

  @Tx(ENERGY, 'store:FailAfterSale')
  FailAfterSale(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return afterSale.failAfterSale(ctx, input, env);
  }

  @Tx(ENERGY, 'store:RateAfterSale')
  RateAfterSale(ctx: DecContext, input: z.output<typeof i.rateInput>, env: EnergyEnv): Promise<unknown> {
    return afterSale.rateAfterSale(ctx, input, env);
  }

  @Tx(ENERGY, 'store:RateSeller')
  RateSeller(ctx: DecContext, input: z.output<typeof i.rateInput>, env: EnergyEnv): Promise<unknown> {
    return afterSale.rateSeller(ctx, input, env);
  }

  @Tx(ENERGY, 'store:GetProduct')
  GetProduct(ctx: DecContext, input: z.output<typeof i.productInput>): Promise<unknown> {
    return catalog.getProduct(ctx, input);
  }

  @Tx(ENERGY, 'store:Search')
  Search(ctx: DecContext, input: z.output<typeof i.searchInput>): Promise<unknown> {
    return catalog.search(ctx, input);
  }

  @Tx(ENERGY, 'store:GetOrder')
  GetOrder(ctx: DecContext, input: z.output<typeof i.orderInput>): Promise<unknown> {
    return queries.getOrder(ctx, input);
  }

  @Tx(ENERGY, 'store:Orders')
  Orders(ctx: DecContext, input: z.output<typeof i.listOrdersInput>): Promise<unknown> {
    return queries.listOrders(ctx, input);
  }

  @Tx(ENERGY, 'store:PartyOrders')
  PartyOrders(ctx: DecContext, input: z.output<typeof i.partyOrdersInput>): Promise<unknown> {
    return queries.partyOrders(ctx, input);
  }

  @Tx(ENERGY, 'store:SellerRating')
  SellerRating(ctx: DecContext, input: z.output<typeof i.sellerInput>): Promise<unknown> {
    return queries.sellerRating(ctx, input);
  }
}
