/**
 * The store lines of the energy transaction map (spread into
 * src/transactions.ts, which stays the one access table). Grants are checked
 * from the certificate by `@Tx`; the `rule`s by the operations once the
 * product or order is read (store/ops/parties.ts, store/ops/shared.ts).
 */
import type { TxSpec } from '@dec/chaincode-kit/core';
import { ANYONE, type Grant } from '../access/policy';
import * as st from './inputs';

const SELLER = "the holder of the product's seller eID";
const BUYER = "the holder of the order's buyer eID (a project order: the fundraiser)";

export const STORE_TRANSACTIONS = {
  'store:ListProduct': { kind: 'submit', input: st.listProductInput, grants: ANYONE, rule: 'the holder of `seller`, granted role seller, with a DEC deposit of at least 10 DEC', summary: 'List a product: title, category, price in DEC or DECC, stock' },
  'store:UpdateProduct': { kind: 'submit', input: st.updateProductInput, grants: ANYONE, rule: SELLER, summary: 'Change a product\'s price or stock, or delist/relist it' },
  'store:CloseShop': { kind: 'submit', input: st.sellerInput, grants: ANYONE, rule: 'the holder of `seller`', summary: 'Close a shop: nothing listed or open, after-sale window passed; frees the deposit' },
  'store:Buy': { kind: 'submit', input: st.buyInput, grants: ANYONE, rule: 'the holder of `buyer`, not the seller', summary: 'Buy a product: the price moves into an escrow hold' },
  'store:Ship': { kind: 'submit', input: st.shipInput, grants: ANYONE, rule: "the holder of the order's seller eID", summary: 'Record shipment with the logistics evidence hash' },
  'store:Confirm': { kind: 'submit', input: st.orderInput, grants: ANYONE, rule: BUYER, summary: 'Confirm delivery: the held payment goes to the seller' },
  'store:Release': { kind: 'submit', input: st.orderInput, grants: ANYONE, summary: 'Release an unconfirmed order\'s payment to the seller after the confirmation window' },
  'store:Cancel': { kind: 'submit', input: st.orderInput, grants: ANYONE, rule: 'the holder of the buyer or the seller eID', summary: 'Cancel an order before shipment (refund, stock back)' },
  'store:RequestAfterSale': { kind: 'submit', input: st.afterSaleInput, grants: ANYONE, rule: BUYER, summary: 'Open an after-sale request (evidence hash) within 30 days of shipment' },
  'store:HandleAfterSale': { kind: 'submit', input: st.handleAfterSaleInput, grants: ANYONE, rule: "the holder of the order's seller eID", summary: 'Record how an after-sale request was handled (refund, repair, replace)' },
  'store:FailAfterSale': { kind: 'submit', input: st.orderInput, grants: ANYONE, summary: 'Fail an after-sale request left unhandled past its window (deposit penalty)' },
  'store:RateAfterSale': { kind: 'submit', input: st.rateInput, grants: ANYONE, rule: BUYER, summary: 'Rate handled after-sale service: reward points or a deposit penalty' },
  'store:RateSeller': { kind: 'submit', input: st.rateInput, grants: ANYONE, rule: BUYER, summary: 'Rate the seller of a settled order (1-5 stars)' },
  'store:GetProduct': { kind: 'evaluate', input: st.productInput, grants: ANYONE, summary: 'A product' },
  'store:Search': { kind: 'evaluate', input: st.searchInput, grants: ANYONE, summary: 'Listed products of a category, optionally matching a text, paged' },
  'store:GetOrder': { kind: 'evaluate', input: st.orderInput, grants: ANYONE, summary: 'An order' },
  'store:Orders': { kind: 'evaluate', input: st.listOrdersInput, grants: ANYONE, summary: 'All orders, paged' },
  'store:PartyOrders': { kind: 'evaluate', input: st.partyOrdersInput, grants: ANYONE, summary: 'Orders of a buyer or a seller, paged' },
  'store:SellerRating': { kind: 'evaluate', input: st.sellerInput, grants: ANYONE, summary: 'A seller\'s rating aggregate' },
} as const satisfies Record<string, TxSpec<Grant>>;
