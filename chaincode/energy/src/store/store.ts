/**
 * Store state access. Key scheme (Fabric composite keys):
 *
 *   st.seller   ~<sellerEid>                      Seller (counters that keep the deposit's obligation open)
 *   st.product  ~<productId>                      Product
 *   st.category ~<category>~<productId>           { id }  search index
 *   st.order    ~<orderId>                        Order
 *   st.party    ~<buyer|seller>~<eid>~<orderId>   { id }  a party's orders
 *   st.rating   ~<sellerEid>                      SellerRating (read by the credit service)
 *
 * Order money sits in token holds (TokenStore), so token:Audit counts it.
 */
import { decoder, keyPart, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import { emptyRating, orderSchema, productSchema, ratingSchema, sellerSchema, type Order, type Product, type Seller, type SellerRating } from './state';

export const STORE_KEYS = {
  seller: 'st.seller',
  product: 'st.product',
  category: 'st.category',
  order: 'st.order',
  party: 'st.party',
  rating: 'st.rating',
} as const;

const dSeller = decoder(sellerSchema, 'seller');
const dProduct = decoder(productSchema, 'product');
const dOrder = decoder(orderSchema, 'order');
const dRating = decoder(ratingSchema, 'seller rating');
const dId = decoder(z.object({ id: z.string() }), 'index entry');

export class StoreLedger {
  constructor(private readonly ledger: Ledger) {}

  private sellerKey(eid: string): string {
    return this.ledger.key(STORE_KEYS.seller, keyPart('seller', eid));
  }

  seller(eid: string): Promise<Seller | undefined> {
    return this.ledger.get(this.sellerKey(eid), dSeller);
  }

  async putSeller(s: Seller): Promise<void> {
    await this.ledger.put(this.sellerKey(s.eid), s);
  }

  private productKey(id: string): string {
    return this.ledger.key(STORE_KEYS.product, keyPart('productId', id));
  }

  requireProduct(id: string): Promise<Product> {
    return this.ledger.require(this.productKey(id), dProduct, 'product', id);
  }

  async putProduct(p: Product, isNew = false): Promise<void> {
    await this.ledger.put(this.productKey(p.id), p);
    if (isNew) await this.ledger.put(this.ledger.key(STORE_KEYS.category, p.category, p.id), { id: p.id });
  }

  /** One page of a category's index, in product-ID order. */
  async pageCategory(category: string, pageSize: number, bookmark: string): Promise<Page<{ id: string }>> {
    return this.ledger.page(STORE_KEYS.category, [category], pageSize, bookmark, dId);
  }

  private orderKey(id: string): string {
    return this.ledger.key(STORE_KEYS.order, keyPart('orderId', id));
  }

  order(id: string): Promise<Order | undefined> {
    return this.ledger.get(this.orderKey(id), dOrder);
  }

  requireOrder(id: string): Promise<Order> {
    return this.ledger.require(this.orderKey(id), dOrder, 'order', id);
  }

  async putOrder(o: Order, isNew = false): Promise<void> {
    await this.ledger.put(this.orderKey(o.id), o);
    if (!isNew) return;
    await this.ledger.put(this.ledger.key(STORE_KEYS.party, 'buyer', keyPart('buyer', o.buyer), o.id), { id: o.id });
    await this.ledger.put(this.ledger.key(STORE_KEYS.party, 'seller', keyPart('seller', o.seller), o.id), { id: o.id });
  }

  async pageOrders(pageSize: number, bookmark: string): Promise<Page<Order>> {
    return this.ledger.page(STORE_KEYS.order, [], pageSize, bookmark, dOrder);
  }

  async pagePartyOrders(role: 'buyer' | 'seller', eid: string, pageSize: number, bookmark: string): Promise<Page<Order>> {
    const page = await this.ledger.page(STORE_KEYS.party, [role, keyPart(role, eid)], pageSize, bookmark, dId);
    const items = [];
    for (const e of page.items) items.push({ ...e, value: await this.requireOrder(e.value.id) });
    return { items, bookmark: page.bookmark };
  }

  private ratingKey(seller: string): string {
    return this.ledger.key(STORE_KEYS.rating, keyPart('seller', seller));
  }

  async rating(seller: string): Promise<SellerRating> {
    return (await this.ledger.get(this.ratingKey(seller), dRating)) ?? emptyRating(seller);
  }

  async putRating(r: SellerRating): Promise<void> {
    await this.ledger.put(this.ratingKey(r.seller), r);
  }
}
