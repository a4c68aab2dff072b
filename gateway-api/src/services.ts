/** What the routes work with: one instance per running API. */
import type { GatewayNetworkConfig } from '@dec/network';
import type { Logger } from 'pino';
import type { IdentityService } from './auth/identities';
import type { EventService } from './events/events';
import type { BlockIndexer } from './index/indexer';
import type { IndexStore } from './index/store';
import type { FabricSessions } from './fabric/sessions';
import type { TransactionService } from './fabric/transactions';
import type { LedgerService } from './ledger/ledger';
import type { Metrics } from './ops/metrics';
import type { Db } from './store/db';
import type { WebhookService } from './events/webhooks';

export interface Services {
  config: GatewayNetworkConfig;
  db: Db;
  identities: IdentityService;
  sessions: FabricSessions;
  transactions: TransactionService;
  ledger: LedgerService;
  events: EventService;
  webhooks: WebhookService;
  metrics: Metrics;
  logger: Logger;
  /** The block-stream index behind the list endpoints (index/). */
  chainIndex: { store: IndexStore; indexer: BlockIndexer };
}
