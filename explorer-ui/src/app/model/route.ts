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
  | { name: 'meters'; meter?: string }
  | { name: 'receivable'; id?: string }
  | { name: 'alerts' }
  | { name: 'notfound'; path: string };

const CHANNEL = /^[a-z][a-z0-9.-]{0,248}$/;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const q = new URLSearchParams(queryPart);
  const opt = (name: string): string | undefined => q.get(name) || undefined;
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (a === 'signin') return { name: 'signin' };
  if (a === 'search') return { name: 'search', q: opt('q') ?? '' };
  if (a === 'tokens') return { name: 'tokens', ...(b ? { account: b } : {}) };
  if (a === 'market') return { name: 'market', ...(opt('slot') ? { slot: opt('slot') } : {}), ...(opt('zone') ? { zone: opt('zone') } : {}) };
  if (a === 'meters') return { name: 'meters', ...(b ? { meter: b } : {}) };
  if (a === 'receivables') return { name: 'receivable', ...(b ? { id: b } : {}) };
  if (a === 'alerts') return { name: 'alerts' };
  if (a === 'c' && b && CHANNEL.test(b)) {
    if (!c) return { name: 'channel', channel: b };
    if (c === 'blocks' && !d) {
      const from = opt('from');
      return { name: 'blocks', channel: b, ...(from && /^\d+$/.test(from) ? { from: Number(from) } : {}) };
    }
    if (c === 'blocks' && d && /^\d+$/.test(d)) return { name: 'block', channel: b, number: Number(d) };
    if (c === 'tx' && d) return { name: 'tx', channel: b, txId: d };
    if (c === 'history') return { name: 'history', channel: b, ...(opt('objectType') ? { objectType: opt('objectType') } : {}), ...(opt('attributes') ? { attributes: opt('attributes') } : {}) };
  }
  return { name: 'notfound', path: pathPart };
}

const enc = encodeURIComponent;
const query = (params: Record<string, string | number | undefined>): string => {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
};

/** The hash of a route: the inverse of parseRoute. */
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
    case 'meters': return `#/meters${route.meter ? `/${enc(route.meter)}` : ''}`;
    case 'receivable': return `#/receivables${route.id ? `/${enc(route.id)}` : ''}`;
    case 'alerts': return '#/alerts';
    case 'notfound': return `#/${route.path}`;
  }
}
