/** Small helpers the multi-host tests share: find an org by MSP ID, wait for a condition. */
import { sleep } from '@dec/test-network';

export function orgNamed<T extends { mspId: string } | { spec: { mspId: string } }>(from: { orgs: T[] }, mspId: string): T {
  const org = from.orgs.find((o) => ('spec' in o ? o.spec.mspId : o.mspId) === mspId);
  if (!org) throw new Error(`no org ${mspId} in the multi-host topology`);
  return org;
}

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}
