/**
 * Measuring an explorer page's first view in the browser, and where its time
 * goes: wall time from the navigation to the first view's element, and the
 * requests the page made meanwhile (from the browser's Resource Timing:
 * path, duration, bytes), so a slow view names its slow request. And the
 * gateway requests that the earlier first views waited on, replayed from
 * Node in the same run, beside the one read that replaces them. Reported by
 * the tests, never asserted (timings vary on a shared machine).
 */
import type { Page } from 'playwright-core';
import type { ApiClient } from '../fixtures/api-client';

export interface RequestTiming { path: string; ms: number; bytes: number; endMs: number }
export interface FirstView { ms: number; requests: RequestTiming[] }

/**
 * Navigates to `hash` from another page, once that page has finished loading
 * (its requests would otherwise share the browser's connections with the
 * measured ones), and waits for `ready`; returns the time and the requests made.
 */
export async function firstView(page: Page, url: string, hash: string, ready: string): Promise<FirstView> {
  await page.goto(`${url}/#/consortium`);
  await page.locator('main h1').first().waitFor();
  for (let i = 0; i < 120 && (await page.locator('main .loading').count()) > 0; i++) await page.waitForTimeout(250);
  await page.evaluate(() => { performance.clearResourceTimings(); performance.clearMarks('first-view'); performance.mark('first-view'); });
  const t0 = Date.now();
  await page.goto(`${url}/${hash}`);
  await page.locator(ready).first().waitFor();
  const ms = Date.now() - t0;
  const requests = await page.evaluate(() => {
    const mark = performance.getEntriesByName('first-view')[0]?.startTime ?? 0;
    return (performance.getEntriesByType('resource') as unknown as { name: string; duration: number; transferSize: number; encodedBodySize: number; responseEnd: number }[]).map((e) => ({
      path: new URL(e.name).pathname + new URL(e.name).search,
      ms: Math.round(e.duration),
      bytes: e.transferSize || e.encodedBodySize,
      endMs: Math.round(e.responseEnd - mark),
    }));
  });
  return { ms, requests };
}

/** One line: the time, the requests finished by then, and the slowest of them. */
export function describeView(name: string, v: FirstView): string {
  const before = v.requests.filter((r) => r.endMs <= v.ms);
  const slow = [...before].sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `${r.path.replace(/^\/api\/v1/, '')} ${String(r.ms)} ms ${String(Math.round(r.bytes / 1024))} KiB`);
  return `${name} ${String(v.ms)} ms (${String(before.length)} of ${String(v.requests.length)} requests done by then; slowest: ${slow.join('; ') || '-'})`;
}

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const t0 = Date.now();
  await run();
  return Date.now() - t0;
};

/**
 * The gateway reads the first views waited on before (the ledger's height
 * from a peer, then the index page; the dashboard's status, ledger, activity
 * and lists) against the one overview read that replaces them now.
 */
export async function replayFirstViewReads(client: ApiClient, channel: string): Promise<string> {
  const ok = async (path: string): Promise<unknown> => {
    const r = await client.get(path);
    if (r.status !== 200) throw new Error(`${path}: HTTP ${String(r.status)}`);
    return r.body;
  };
  const index = `/api/v1/index/${channel}`;
  const blocksBefore = await timed(async () => {
    const info = (await ok(`/api/v1/ledger/${channel}`)) as { height: string };
    await ok(`${index}/blocks?limit=10&before=${info.height}`);
  });
  const blocksNow = await timed(() => ok(`${index}/overview?blocks=10&transactions=0&minutes=0`));
  const dashboardBefore = await timed(async () => {
    await Promise.all([ok(`/api/v1/ledger/${channel}`), ok(index)]);
    await Promise.all([ok(`${index}/activity?minutes=60`), ok(`${index}/blocks?limit=6`), ok(`${index}/transactions?limit=8`)]);
  });
  const dashboardNow = await timed(() => ok(`${index}/overview?blocks=6&transactions=8&minutes=60`));
  const ledger = await timed(() => ok(`/api/v1/ledger/${channel}`));
  return `blocks page reads: before (ledger height, then index page) ${String(blocksBefore)} ms, now (overview) ${String(blocksNow)} ms; dashboard reads: before ${String(dashboardBefore)} ms, now ${String(dashboardNow)} ms; the ledger height alone ${String(ledger)} ms`;
}
