/** Every route of the API, in the order they are mounted and documented. */
import { CHAINCODE_TABLES } from '../chaincode/tables';
import type { AnyRoute } from '../http/route';
import type { Services } from '../services';
import { chainIndexRoutes } from './chain-index';
import { consortiumRoutes } from './consortium';
import { eventRoutes } from './events';
import { identityRoutes } from './identities';
import { indexOverviewRoutes } from './index-overview';
import { meterCredentialRoutes } from './meter-credentials';
import { opsRoutes } from './ops';
import { receiptRoutes } from './receipts';
import { regulatorRoutes } from './regulator';
import { tokenIndexRoutes } from './token-index';
import { transactionRoutes } from './transactions';
import { webhookRoutes } from './webhooks';

export function allRoutes(services: Services): AnyRoute[] {
  return [
    ...opsRoutes(services),
    ...identityRoutes(services),
    ...receiptRoutes(services),
    ...transactionRoutes(CHAINCODE_TABLES, services),
    ...regulatorRoutes(services),
    ...eventRoutes(services),
    ...webhookRoutes(services),
    ...meterCredentialRoutes(services),
    ...consortiumRoutes(services),
    ...chainIndexRoutes(services),
    ...indexOverviewRoutes(services),
    ...tokenIndexRoutes(services),
  ];
}

/** Routes for documentation only (no services behind them). */
export const documentedRoutes = (): AnyRoute[] => allRoutes(new Proxy({} as Services, { get: () => undefined }));
