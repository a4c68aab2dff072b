/**
 * Where a started API listens, as printed by the API's own bin and by the
 * stack supervisor (`dec start`), so both say it the same way.
 */
import type { RunningApi } from './server';

export function apiBanner(api: Pick<RunningApi, 'url' | 'adminKeys' | 'adminKeysFile'>): string[] {
  const created = Object.keys(api.adminKeys);
  return [
    `DEC gateway API listening on ${api.url}`,
    `  API docs:       ${api.url}/docs   (OpenAPI: ${api.url}/openapi.json)`,
    `  operations:     ${api.url}/healthz, ${api.url}/readyz, ${api.url}/metrics`,
    `  admin API keys: ${api.adminKeysFile}${created.length > 0 ? ` (new: ${created.join(', ')})` : ''}`,
  ];
}
