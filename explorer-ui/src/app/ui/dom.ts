/**
 * A tiny element builder. Everything shown comes from the ledger, i.e. from
 * other orgs, so text always goes in as text nodes — never as HTML.
 */

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | undefined | null | ((ev: Event) => void);
export type Attrs = Record<string, AttrValue>;

function apply(el: Element, attrs: Attrs | null | undefined): void {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** A link to a hash route. */
export const link = (to: string, text: Child, attrs: Attrs = {}): HTMLAnchorElement => h('a', { href: to, ...attrs }, text);

/** A notice that a feature is missing from the gateway this explorer talks to (not an error of the page). */
export const unavailable = (what: string, need: string): HTMLElement =>
  h('div', { class: 'notice unavailable', 'data-test': 'unavailable' }, h('strong', null, 'Not available from this gateway: '), what, h('div', { class: 'muted' }, need));

export const errorBox = (message: string): HTMLElement => h('div', { class: 'notice error', 'data-test': 'error' }, message);

export const loading = (): HTMLElement => h('div', { class: 'muted loading' }, 'Loading…');

/** A two-column list of labelled values. */
export function fields(rows: [string, Child][]): HTMLElement {
  return h('dl', { class: 'fields' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', { 'data-field': k }, v)]));
}

export function table(headers: string[], rows: Child[][], attrs: Attrs = {}): HTMLTableElement {
  return h('table', attrs, h('thead', null, h('tr', null, headers.map((x) => h('th', null, x)))), h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, c))))));
}

export const code = (text: string): HTMLElement => h('pre', { class: 'code' }, text);

export const mono = (text: string, title?: string): HTMLElement => h('span', { class: 'mono', ...(title ? { title } : {}) }, text);

/** The text a form's field holds ('' when absent): the explorer's forms have text inputs only. */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}
