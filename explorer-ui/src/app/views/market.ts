/** The Market page: the overview from the index, and one slot's depth chart, orders and trades (views/order-book.ts). */
import { href } from '../model/route';
import { formText, h, unavailable } from '../ui/dom';
import type { Ctx } from './context';
import { marketOverview } from './market-overview';
import { slotSections } from './order-book';

/** The overview of zones and slots, for ledger readers, when no slot is chosen. */
const landing = (ctx: Ctx, slot?: string, zone?: string): HTMLElement | null => (ctx.ledger && !(slot && zone) ? marketOverview(ctx) : null);

export function marketView(ctx: Ctx, slot?: string, zone?: string): HTMLElement {
  const title = h('h1', null, 'Market');
  if (!ctx.api.offers('energy', 'market:OrderBook'))
    return h('div', null, title, unavailable('the order book and clearing of a slot', 'needs the gateway routes POST /api/v1/energy/market/order-book {slot, zone, pageSize?, bookmark?} and POST /api/v1/energy/market/clearing {slot, zone} (energy market contract)'));
  const form = h(
    'form',
    { class: 'inline-form' },
    h('label', null, 'Slot ', h('input', { name: 'slot', value: slot ?? '', placeholder: '2026-01-01T10:00:00.000Z', required: true })),
    h('label', null, 'Zone ', h('input', { name: 'zone', value: zone ?? '', required: true })),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href({ name: 'market', slot: formText(form, 'slot'), zone: formText(form, 'zone') });
  });
  return h(
    'div',
    null,
    title,
    landing(ctx, slot, zone),
    form,
    slot && zone ? slotSections(ctx, slot, zone) : null,
  );
}
