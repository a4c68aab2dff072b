/**
 * "Export CSV" for a list page: asks the gateway for the same list as CSV
 * (`format=csv`, escaped and formula-neutralised server-side) with the
 * signed-in key, and saves it as a file. The key travels in the Authorization
 * header, never in a URL, so a plain link cannot do this.
 */
import { describeError } from './async';
import { h } from './dom';

export type ListQuery = Record<string, string | undefined>;

export function csvButton(apiKey: string, path: string, query: () => ListQuery, fileName: string): HTMLElement {
  const button = h('button', { type: 'button', 'data-test': 'csv-export' }, 'Export CSV');
  const note = h('span', { class: 'muted', 'data-test': 'csv-note' });
  button.addEventListener('click', () => {
    void (async () => {
      button.disabled = true;
      note.textContent = '';
      try {
        const params = new URLSearchParams(Object.entries({ ...query(), format: 'csv' }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
        const res = await fetch(`${path}?${params.toString()}`, { headers: { authorization: `Bearer ${apiKey}`, accept: 'text/csv' } });
        if (!res.ok) throw new Error(`${String(res.status)}: ${await res.text()}`);
        const url = URL.createObjectURL(await res.blob());
        const a = h('a', { href: url, download: `${fileName}.csv` });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
        const next = res.headers.get('x-next-before');
        note.textContent = next ? 'This page saved; older items are on the next page.' : 'Saved.';
      } catch (e) {
        note.textContent = `Export failed: ${describeError(e)}`;
      } finally {
        button.disabled = false;
      }
    })();
  });
  return h('span', { class: 'csv' }, button, ' ', note);
}
