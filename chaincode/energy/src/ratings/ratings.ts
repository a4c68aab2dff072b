/**
 * Ratings (white paper 4.1.2): users rate a provider after a settled
 * charging session, providers rate a maintainer after a paid repair. One
 * aggregate record per rated participant (count and sum of stars, split by
 * source) that search and dispatch order by and that other services (the
 * credit service) read: key `rating.agg ~<eid>`. Each session or order is
 * rated once: key `rating.once ~<subject ref>`.
 *
 * Score used for ordering: a one-vote prior of 3 stars,
 *   score = (sum + 3) / (count + 1),
 * compared exactly by cross-multiplication (no floating point), so an
 * unrated participant ranks as a 3-star one, and one 5-star vote does not
 * outrank a long 4.9 record.
 */
import { ConflictError, decoder, keyPart, type Ledger } from '@dec/chaincode-kit';
import { z } from 'zod';

export { starsSchema } from './stars';

export const RATING_KEYS = { aggregate: 'rating.agg', once: 'rating.once' } as const;

const tally = z.object({ count: z.number().int(), sum: z.number().int() });
export const ratingSchema = z.object({
  eid: z.string(),
  count: z.number().int(),
  sum: z.number().int(),
  sessions: tally,
  repairs: tally,
  updatedAt: z.string(),
});
export type Rating = z.infer<typeof ratingSchema>;

const dRating = decoder(ratingSchema, 'rating');
const dOnce = decoder(z.object({ by: z.string(), stars: z.number().int() }), 'rating mark');


export function emptyRating(eid: string): Rating {
  return { eid, count: 0, sum: 0, sessions: { count: 0, sum: 0 }, repairs: { count: 0, sum: 0 }, updatedAt: '1970-01-01T00:00:00.000Z' };
}

/** -1 when a scores above b (a ranks first), 1 when below, 0 when equal. */
export function compareScore(a: Pick<Rating, 'count' | 'sum'>, b: Pick<Rating, 'count' | 'sum'>): number {
  const left = BigInt(a.sum + 3) * BigInt(b.count + 1);
  const right = BigInt(b.sum + 3) * BigInt(a.count + 1);
  return left > right ? -1 : left < right ? 1 : 0;
}

export class RatingStore {
  constructor(private readonly ledger: Ledger) {}

  async of(eid: string): Promise<Rating> {
    return (await this.ledger.get(this.ledger.key(RATING_KEYS.aggregate, keyPart('eid', eid)), dRating)) ?? emptyRating(eid);
  }

  /** Adds one rating of `subject` (a session or order ID, rated once) to `eid`'s aggregate. */
  async rate(eid: string, subject: string, by: string, stars: number, source: 'sessions' | 'repairs', now: string): Promise<Rating> {
    const onceKey = this.ledger.key(RATING_KEYS.once, keyPart('subject', subject));
    if (await this.ledger.get(onceKey, dOnce)) throw new ConflictError(`${subject} was already rated`);
    const r = await this.of(eid);
    const next: Rating = { ...r, count: r.count + 1, sum: r.sum + stars, [source]: { count: r[source].count + 1, sum: r[source].sum + stars }, updatedAt: now };
    await this.ledger.put(onceKey, { by, stars });
    await this.ledger.put(this.ledger.key(RATING_KEYS.aggregate, eid), next);
    return next;
  }
}
