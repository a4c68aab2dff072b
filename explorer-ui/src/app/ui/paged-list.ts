/**
 * A list page over one of the gateway's index lists: a table of one page,
 * "Older" to append the next page (keyset cursor `next` → `before`), and
 * "Export CSV" of the same list and filters. Every list page of the explorer
 * is one of these, so each can be exported the same way.
 */
import type { Api } from '../api/client';
import { section } from './async';
import { csvButton, type ListQuery } from './csv-export';
import { h, type Child } from './dom';

export interface ListPage<T> { items: T[]; next?: string }

export interface PagedListSpec<T> {
  api: Api;
  /** The gateway path of the list (for the CSV export), e.g. `/api/v1/index/scf/state/receivable`. */
  path: string;
  /** The list's filters (without `before`, `limit`, `format`). */
  query: ListQuery;
  load(before: string | undefined): Promise<ListPage<T>>;
  headers: string[];
  cells(item: T): Child[];
  /** Attributes of a row (e.g. a class marking it). */
  rowAttrs?(item: T): Record<string, string>;
  testId: string;
  fileName: string;
  /** Shown above the table (filters). */
  tools?: Child;
  empty?: string;
}

export function pagedList<T>(title: string | null, spec: PagedListSpec<T>): HTMLElement {
  return section(title, async () => {
    const body = h('tbody');
    const more = h('button', { type: 'button', 'data-test': `${spec.testId}-older` }, 'Older');
    let next: string | undefined;
    const add = async (before: string | undefined): Promise<number> => {
      const page = await spec.load(before);
      for (const item of page.items) body.append(h('tr', { 'data-test': `${spec.testId}-row`, ...spec.rowAttrs?.(item) }, spec.cells(item).map((c) => h('td', null, c))));
      next = page.next;
      more.hidden = next === undefined;
      return page.items.length;
    };
    more.addEventListener('click', () => void add(next));
    const count = await add(undefined);
    return h(
      'div',
      null,
      h('div', { class: 'list-tools' }, spec.tools, csvButton(spec.api.apiKey, spec.path, () => spec.query, spec.fileName)),
      count === 0 ? h('p', { class: 'muted' }, spec.empty ?? 'None yet.') : null,
      h('table', { 'data-test': spec.testId }, h('thead', null, h('tr', null, spec.headers.map((x) => h('th', null, x)))), body),
      more,
    );
  }, { 'data-test': `${spec.testId}-list` });
}
