/**
 * Token holders and movements from the gateway's index (index/holdings.ts):
 * the largest holders of DEC or DECC and the latest outgoing journal entries
 * (transfers, payments, holds, burns). Balances and movements of every account
 * are more than a participant may see of others, so these routes answer only
 * the regulator and the platform operator: identities of RegulatorMSP with
 * role=regulator or API admin, and of PlatformMSP with role=operator or API
 * admin, on channels their org belongs to. Everyone else gets 403, whatever
 * role attribute their own org's admin wrote (the org decides, then the role).
 */
import type { Caller } from '../auth/identities';
import { ApiError } from '../http/errors';
import { route, type AnyRoute } from '../http/route';
import { TOKEN_ASSETS, TokenIndex } from '../index/holdings';
import { z } from '../openapi/zod';
import type { Services } from '../services';
import { formatParam, listResponse, pageReply } from './index-csv';

/** Org → the CA role (besides API admin) whose identities may read token holders and movements. */
export const TOKEN_READERS: Readonly<Record<string, string>> = { RegulatorMSP: 'regulator', PlatformMSP: 'operator' };

export function mayReadTokens(caller: Caller): boolean {
  const role = TOKEN_READERS[caller.mspId];
  return role !== undefined && (caller.apiRole === 'admin' || caller.attributes.role === role);
}

const channelParams = z.object({ channel: z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/) });
const limit = z.string().regex(/^([1-9]\d?|100)$/, 'must be a whole number from 1 to 100').optional().describe('Items per page (1–100, default 20)');
const text = (what: string) => z.string().min(1).max(128).regex(/^[\x20-\x7e]*$/, 'must be printable ASCII').optional().describe(what);
const holdersQuery = z.object({
  asset: z.enum(TOKEN_ASSETS).optional().describe('DEC (default) or DECC'),
  before: z.string().min(1).max(300).optional().describe('The `next` of the previous page'),
  limit,
  format: formatParam,
});
const movementsQuery = z.object({
  asset: z.enum(TOKEN_ASSETS).optional().describe('Only this asset'),
  op: text('Only entries of this operation (the token operation, e.g. `Transfer`, `CreateHold`, `RedeemDecc`)'),
  account: text('Only entries of this account (eID or `sys:` account)'),
  before: z.string().min(1).max(600).optional().describe('The `next` of the previous page'),
  limit,
  format: formatParam,
});

const page = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), next: z.string().optional().describe('Pass as `before` for the next page; absent on the last page') }).openapi(name);
const source = { transactionId: z.string().describe('The transaction that last changed it'), blockNumber: z.string(), time: z.string().nullable() };
const holder = z.object({ account: z.string(), asset: z.string(), balance: z.string().describe('Base units (DEC 18 decimals, DECC 2), summed from the account\'s journal'), ...source }).openapi('TokenHolder');
const movement = z
  .object({ account: z.string().describe('The account the amount left'), asset: z.string(), op: z.string(), direction: z.string(), amount: z.string().describe('Base units'), counterparties: z.array(z.string()).describe('Accounts it went to (none for a hold, deposit or burn)'), ...source })
  .openapi('TokenMovement');

const ERRORS = ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'RATE_LIMITED'] as const;
const who = 'The regulator and the platform operator only: identities of RegulatorMSP with role=regulator or API admin, and of PlatformMSP with role=operator or API admin, on channels their org belongs to. From the gateway\'s index of token journal entries; each item names its transaction.';

export function tokenIndexRoutes(services: Services): AnyRoute[] {
  const allow = (caller: Caller, channel: string): TokenIndex => {
    if (!mayReadTokens(caller)) throw new ApiError('ACCESS_DENIED', 'only the regulator (RegulatorMSP, role regulator or API admin) and the platform operator (PlatformMSP, role operator or API admin) may read token holders and movements');
    services.sessions.requireChannel(caller.mspId, channel);
    return new TokenIndex(services.db);
  };
  return [
    route<z.infer<typeof channelParams>, z.infer<typeof holdersQuery>>({
      method: 'get', path: '/api/v1/index/{channel}/tokens/holders', operationId: 'listTokenHolders', tags: ['index'], auth: 'user',
      summary: 'Largest holders of DEC or DECC, largest first', description: who,
      request: { params: channelParams, query: holdersQuery }, responses: { 200: listResponse('A page of holders', page(holder, 'TokenHolderPage')) }, errors: [...ERRORS],
      handler: async ({ params, query, caller, req }) => {
        const asset = query.asset ?? 'DEC';
        const found = allow(caller, params.channel).holders(params.channel, asset, query.before, query.limit ? Number(query.limit) : 20);
        return Promise.resolve(pageReply(req, query.format, found, `${params.channel}-${asset}-holders`));
      },
    }),
    route<z.infer<typeof channelParams>, z.infer<typeof movementsQuery>>({
      method: 'get', path: '/api/v1/index/{channel}/tokens/movements', operationId: 'listTokenMovements', tags: ['index'], auth: 'user',
      summary: 'Latest token movements (transfers, payments, holds, burns), newest first', description: who,
      request: { params: channelParams, query: movementsQuery }, responses: { 200: listResponse('A page of movements', page(movement, 'TokenMovementPage')) }, errors: [...ERRORS],
      handler: async ({ params, query, caller, req }) => {
        const { before, limit: l, format, ...filter } = query;
        const found = allow(caller, params.channel).movements(params.channel, filter, before, l ? Number(l) : 20);
        return Promise.resolve(pageReply(req, format, found, `${params.channel}-token-movements`));
      },
    }),
  ];
}
