/** The charging pages behind one route (`#/charging[/sessions/{id} | /providers/{eid}]`), so the router takes one line. */
import { chargingView } from './charging';
import { chargingEarningsView } from './charging-earnings';
import { chargingSessionView } from './charging-session';
import type { Ctx } from './context';

export function chargingPage(ctx: Ctx, page: 'sessions' | 'providers' | undefined, id: string | undefined): HTMLElement | Promise<HTMLElement> {
  if (page === 'sessions' && id) return chargingSessionView(ctx, id);
  if (page === 'providers' && id) return chargingEarningsView(ctx, id);
  return chargingView(ctx);
}
