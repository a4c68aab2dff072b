/** Fills a placeholder when a load finishes, showing the gateway's message if it fails. */
import { ApiFailure } from '../api/client';
import { errorBox, h, loading, unavailable } from './dom';

export function describeError(e: unknown): string {
  if (e instanceof ApiFailure) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/** A section that renders itself once `load` resolves; a missing route shows as unavailable. */
export function section(title: string | null, load: () => Promise<Node>, attrs: Record<string, string> = {}): HTMLElement {
  const body = h('div', null, loading());
  const el = h('section', { class: 'card', ...attrs }, title ? h('h3', null, title) : null, body);
  load().then(
    (node) => { body.replaceChildren(node); },
    (e: unknown) => { body.replaceChildren(e instanceof ApiFailure && e.code === 'NOT_AVAILABLE' ? unavailable(e.message, '') : errorBox(describeError(e))); },
  );
  return el;
}
