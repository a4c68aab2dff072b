/**
 * Boot and routing: read the gateway's capabilities, restore the session,
 * find the channels the caller's org is on, then render the page of the hash.
 */
import { Api, ApiFailure } from './api/client';
import { canReadLedger, membershipOf } from './model/access';
import type { Capabilities } from './model/capabilities';
import { parseRoute, type Route } from './model/route';
import { forgetKey, storedKey } from './session';
import { describeError } from './ui/async';
import { errorBox, h, loading } from './ui/dom';
import { alertsView } from './views/alerts';
import { blockView } from './views/block';
import { chargingPage } from './views/charging-page';
import { consortiumView } from './views/consortium';
import { projectView } from './views/crowdfunding-project';
import { holderView } from './views/certificate-holder';
import { storeOrdersView } from './views/store-orders';
import { creditView } from './views/credit';
import { governanceView } from './views/governance';
import { blocksView } from './views/blocks';
import type { Ctx } from './views/context';
import { historyView } from './views/history';
import { layout } from './views/layout';
import { leaseView } from './views/lease';
import { marketView } from './views/market';
import { metersView } from './views/meters';
import { channelView, overviewView } from './views/overview';
import { receivableView } from './views/receivable';
import { searchView } from './views/search';
import { signinView } from './views/signin';
import { tokensView } from './views/tokens';
import { transactionView } from './views/transaction';
import './style.css';

const appEl = document.getElementById('app') as HTMLElement;

/** The page of a route: built at once, or once its data has loaded. */
// eslint-disable-next-line complexity -- one case per route; the switch keeps TypeScript's exhaustiveness check over Route
function render(ctx: Ctx, route: Route): HTMLElement | Promise<HTMLElement> {
  switch (route.name) {
    case 'home': return overviewView(ctx);
    case 'channel': return channelView(ctx, route.channel);
    case 'blocks': return blocksView(ctx, route.channel, route.from);
    case 'block': return blockView(ctx, route.channel, route.number);
    case 'tx': return transactionView(ctx, route.channel, route.txId);
    case 'search': return searchView(ctx, route.q);
    case 'history': return historyView(ctx, route.channel, route.objectType, route.attributes);
    case 'tokens': return tokensView(ctx, route.account);
    case 'market': return marketView(ctx, route.slot, route.zone);
    case 'meters': return metersView(ctx, route.meter, route.from, route.to);
    case 'receivable': return receivableView(ctx, route.id);
    case 'lease': return leaseView(ctx, route.id);
    case 'credit': return creditView(ctx, route.subject);
    case 'alerts': return alertsView(ctx);
    case 'consortium': return consortiumView(ctx);
    case 'governance': return governanceView(ctx);
    case 'project': return projectView(ctx, route.id);
    case 'holder': return holderView(ctx, route.eid);
    case 'storeOrders': return storeOrdersView(ctx, route.status);
    case 'charging': return chargingPage(ctx, route.page, route.id);
    case 'signin': return overviewView(ctx);
    case 'notfound': return errorBox(`No page ${route.path}`);
  }
}

async function start(caps: Capabilities): Promise<void> {
  const key = storedKey();
  if (!key) {
    appEl.replaceChildren(signinView(caps, () => void start(caps)));
    return;
  }
  const api = new Api(key, caps);
  let me;
  try {
    me = await api.me();
  } catch (e) {
    forgetKey();
    appEl.replaceChildren(signinView(caps, () => void start(caps), e instanceof ApiFailure && e.status === 401 ? 'Your key is no longer valid; sign in again.' : describeError(e)));
    return;
  }
  // Membership is the gateway's answer, not a table in the UI: a channel the org is not on answers 403.
  // A channel that does not answer (busy, redeploying) stays listed: only a refusal hides it.
  const statuses = await Promise.all(caps.channels().map(async (c) => [c, membershipOf(await api.channelStatus(c))] as const));
  let leave: (() => void)[] = [];
  const ctx: Ctx = {
    api,
    me,
    channels: statuses.filter(([, m]) => m !== 'denied').map(([c]) => c),
    ledger: canReadLedger(me),
    onLeave: (fn) => leave.push(fn),
  };
  const onHashChange = (): void => {
    void show();
  };
  const signOut = () => {
    leave.forEach((fn) => { fn(); });
    forgetKey();
    window.removeEventListener('hashchange', onHashChange);
    location.hash = '#/';
    void start(caps);
  };
  const { root, main } = layout(ctx, signOut);
  appEl.replaceChildren(root);
  let generation = 0;
  async function show(): Promise<void> {
    const mine = ++generation;
    leave.forEach((fn) => { fn(); });
    leave = [];
    main.replaceChildren(loading());
    try {
      const page = await render(ctx, parseRoute(location.hash));
      if (mine === generation) main.replaceChildren(page);
    } catch (e) {
      if (mine === generation) main.replaceChildren(errorBox(describeError(e)));
    }
  }
  window.addEventListener('hashchange', onHashChange);
  await show();
}

Api.capabilities()
  .then(start)
  .catch((e: unknown) => { appEl.replaceChildren(h('div', { class: 'notice error' }, `The explorer cannot reach the gateway API: ${describeError(e)}`)); });
