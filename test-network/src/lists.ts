/**
 * The topology schema guarantees that orgs have peers, channels have members and
 * the ordering service has nodes; code that takes "the first one" says so here
 * instead of asserting it, and a broken model fails with a sentence.
 */

/** The first element of a list the topology guarantees is non-empty. */
export function first<T>(items: readonly T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new Error(`the topology defines no ${what}`);
  return item;
}
