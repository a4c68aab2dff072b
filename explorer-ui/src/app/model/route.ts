/**
 * Hash routes (`#/c/energy/blocks?from=120`): the explorer is a static bundle,
 * so the hash keeps every page linkable without server-side routes.
 */

export type Route =
  | { name: 'signin' }
  | { name: 'home' }
  | { name: 'channel'; channel: string }
  | { name: 'blocks'; channel: string; from?: number }
  | { name: 'block'; channel: string; number: number }
  | { name: 'tx'; channel: string; txId: string }
  | { name: 'search'; q: string }
  | { name: 'history'; channel: string; objectType?: string; attributes?: string }
  | { name: 'tokens'; account?: string }
  | { name: 'market'; slot?: string; zone?: string }
  | { name: 'meters'; meter?: string; from?: string; to?: string }
  | { name: 'receivable'; id?: string }
  | { name: 'lease'; id?: string }
  | { name: 'credit'; subject?: string }
  | { name: 'alerts' }
  | { name: 'consortium' }
  | { name: 'governance' }
  | { name: 'project'; id?: string }
  | { name: 'holder'; eid?: string }
  | { name: 'storeOrders'; status?: string }
  | { name: 'charging'; page?: 'sessions' | 'providers'; id?: string }
  | { name: 'notfound'; path: string };

const CHANNEL = /^[a-z][a-z0-9.-]{0,248}$/;

type Query = (name: string) => string | undefined;

const DIGITS = /^\d+$/;

/** `{ [name]: value }` when the query has a non-empty `name`, else `{}`. */
function optional<K extends string>(name: K, opt: Query): Partial<Record<K, string>> {
  const value = opt(name);
  return value ? ({ [name]: value } as Record<K, string>) : {};
}

function blocksRoute(channel: string, n: string | undefined, opt: Query): Route | undefined {
  if (n === undefined) {
    const from = opt('from');
    return { name: 'blocks', channel, ...(from && DIGITS.test(from) ? { from: Number(from) } : {}) };
  }
  return DIGITS.test(n) ? { name: 'block', channel, number: Number(n) } : undefined;
}

/** `c/{channel}[/blocks[/{n}] | /tx/{txId} | /history]`. */
function channelRoute([channel, page, arg]: string[], opt: Query): Route | undefined {
  if (!channel || !CHANNEL.test(channel)) return undefined;
  if (!page) return { name: 'channel', channel };
  if (page === 'blocks') return blocksRoute(channel, arg, opt);
  if (page === 'tx' && arg) return { name: 'tx', channel, txId: arg };
  if (page === 'history') return { name: 'history', channel, ...optional('objectType', opt), ...optional('attributes', opt) };
  return undefined;
}

/** The first path segment → the route it starts (given the segments after it). */
const TOP = new Map<string, (rest: string[], opt: Query) => Route | undefined>([
  ['signin', () => ({ name: 'signin' })],
  ['search', (_, opt) => ({ name: 'search', q: opt('q') ?? '' })],
  ['tokens', ([account]) => ({ name: 'tokens', ...(account ? { account } : {}) })],
  ['market', (_, opt) => ({ name: 'market', ...optional('slot', opt), ...optional('zone', opt) })],
  ['meters', ([meter], opt) => ({ name: 'meters', ...(meter ? { meter } : {}), ...optional('from', opt), ...optional('to', opt) })],
  ['receivables', ([id]) => ({ name: 'receivable', ...(id ? { id } : {}) })],
  ['leases', ([id]) => ({ name: 'lease', ...(id ? { id } : {}) })],
  ['credit', ([subject]) => ({ name: 'credit', ...(subject ? { subject } : {}) })],
  ['alerts', () => ({ name: 'alerts' })],
  ['consortium', () => ({ name: 'consortium' })],
  ['governance', () => ({ name: 'governance' })],
  ['projects', ([id]) => ({ name: 'project', ...(id ? { id } : {}) })],
  ['certificates', ([eid]) => ({ name: 'holder', ...(eid ? { eid } : {}) })],
  ['store-orders', (_, opt) => ({ name: 'storeOrders', ...optional('status', opt) })],
  ['charging', ([page, id]) => (page === undefined ? { name: 'charging' } : (page === 'sessions' || page === 'providers') && id ? { name: 'charging', page, id } : undefined)],
  ['c', channelRoute],
]);

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const q = new URLSearchParams(queryPart);
  const opt: Query = (name) => q.get(name) || undefined;
  const [first, ...rest] = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  if (first === undefined) return { name: 'home' };
  return TOP.get(first)?.(rest, opt) ?? { name: 'notfound', path: pathPart };
}

const enc = encodeURIComponent;
const query = (params: Record<string, string | number | undefined>): string => {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
};

/** The hash of a route: the inverse of parseRoute. */
// eslint-disable-next-line complexity -- one case per route; the switch keeps TypeScript's exhaustiveness check over Route
export function href(route: Route): string {
  switch (route.name) {
    case 'signin': return '#/signin';
    case 'home': return '#/';
    case 'channel': return `#/c/${enc(route.channel)}`;
    case 'blocks': return `#/c/${enc(route.channel)}/blocks${query({ from: route.from })}`;
    case 'block': return `#/c/${enc(route.channel)}/blocks/${route.number}`;
    case 'tx': return `#/c/${enc(route.channel)}/tx/${enc(route.txId)}`;
    case 'search': return `#/search${query({ q: route.q })}`;
    case 'history': return `#/c/${enc(route.channel)}/history${query({ objectType: route.objectType, attributes: route.attributes })}`;
    case 'tokens': return `#/tokens${route.account ? `/${enc(route.account)}` : ''}`;
    case 'market': return `#/market${query({ slot: route.slot, zone: route.zone })}`;
    case 'meters': return `#/meters${route.meter ? `/${enc(route.meter)}` : ''}${query({ from: route.from, to: route.to })}`;
    case 'receivable': return `#/receivables${route.id ? `/${enc(route.id)}` : ''}`;
    case 'lease': return `#/leases${route.id ? `/${enc(route.id)}` : ''}`;
    case 'credit': return `#/credit${route.subject ? `/${enc(route.subject)}` : ''}`;
    case 'alerts': return '#/alerts';
    case 'consortium': return '#/consortium';
    case 'governance': return '#/governance';
    case 'project': return `#/projects${route.id ? `/${enc(route.id)}` : ''}`;
    case 'holder': return `#/certificates${route.eid ? `/${enc(route.eid)}` : ''}`;
    case 'storeOrders': return `#/store-orders${query({ status: route.status })}`;
    case 'charging': return `#/charging${route.page && route.id ? `/${route.page}/${enc(route.id)}` : ''}`;
    case 'notfound': return `#/${route.path}`;
  }
}
