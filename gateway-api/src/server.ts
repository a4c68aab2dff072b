/**
 * Starts the gateway API: opens the embedded database in the data folder
 * (DEC_API_DATA_DIR, default .run/gateway-api), loads the master key, makes
 * sure every org has an API admin (keys in <data dir>/admin-keys.json, 0600),
 * connects to the network and listens on DEC_API_HOST:DEC_API_PORT
 * (127.0.0.1:3000 by default).
 */
import type { GatewayNetworkConfig } from '@dec/network';
import { REPO_ROOT } from '@dec/network';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen, requireHttpsOffLoopback, tlsFromEnv, type TlsFiles } from './http/listen';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { createApp, type AppOptions } from './app';
import { IdentityService, type Caller } from './auth/identities';
import { CertificateRenewal, type RenewalOptions } from './auth/renewal';
import { EventService, type EventOptions } from './events/events';
import { WebhookService, type WebhookOptions } from './events/webhooks';
import { loadGatewayConfig } from '@dec/fabric-client';
import { FabricSessions } from './fabric/sessions';
import { TransactionService, type RetryPolicy } from './fabric/transactions';
import { IndexerThread } from './index/indexer-thread';
import { IndexStore } from './index/store';
import { LedgerService } from './ledger/ledger';
import { Metrics } from './ops/metrics';
import type { Services } from './services';
import { openDb } from './store/db';
import { SecretBox } from './store/secrets';

export interface ApiOptions extends AppOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir?: string;
  config?: GatewayNetworkConfig;
  logger?: Logger;
  retry?: RetryPolicy;
  webhooks?: WebhookOptions;
  events?: EventOptions;
  renewal?: RenewalOptions;
  /** HTTPS certificate and key (PEM); default DEC_API_TLS_CERT / DEC_API_TLS_KEY. Required off loopback. */
  tls?: TlsFiles;
}

export interface RunningApi {
  url: string;
  renewal: CertificateRenewal;
  server: Server;
  services: Services;
  /** API keys of org admins created at this start (also in <dataDir>/admin-keys.json). */
  adminKeys: Record<string, string>;
  adminKeysFile: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.run', 'gateway-api');

/** A number from the environment, if set. */
function envNumber(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

interface Settings extends AppOptions {
  dataDir: string;
  host: string;
  port: number;
  tls: TlsFiles | undefined;
}

/** The app's options, else the DEC_API_* environment; unset ones left out (the app has defaults). */
function appSettings(options: ApiOptions): AppOptions {
  const env = process.env;
  const app: AppOptions = {
    bodyLimit: options.bodyLimit ?? env.DEC_API_BODY_LIMIT,
    rateLimitPerMinute: options.rateLimitPerMinute ?? envNumber('DEC_API_RATE_LIMIT'),
    authFailuresPerMinute: options.authFailuresPerMinute ?? envNumber('DEC_API_AUTH_FAILURE_LIMIT'),
    regulatorMspIds: options.regulatorMspIds ?? env.DEC_API_REGULATOR_MSPS?.split(',').map((s) => s.trim()).filter(Boolean),
  };
  return Object.fromEntries(Object.entries(app).filter(([, v]) => v !== undefined));
}

/** Options, else the DEC_API_* environment, else the defaults. */
function settings(options: ApiOptions): Settings {
  const env = process.env;
  return {
    ...appSettings(options),
    dataDir: options.dataDir ?? env.DEC_API_DATA_DIR ?? DEFAULT_DATA_DIR,
    host: options.host ?? env.DEC_API_HOST ?? '127.0.0.1',
    port: options.port ?? envNumber('DEC_API_PORT') ?? 3000,
    tls: options.tls ?? tlsFromEnv(),
  };
}

/** Adds the keys of newly created org admins to the keys file (0600). */
function saveAdminKeys(file: string, adminKeys: Record<string, string>): void {
  if (Object.keys(adminKeys).length === 0) return;
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  writeFileSync(file, `${JSON.stringify({ ...previous, ...adminKeys }, null, 2)}\n`, { mode: 0o600 });
}

function services(options: ApiOptions, dataDir: string): Services {
  const logger = options.logger ?? pino({ level: process.env.DEC_API_LOG_LEVEL ?? 'info', base: { service: 'dec-gateway-api' } });
  const config = options.config ?? loadGatewayConfig();
  const db = openDb(path.join(dataDir, 'gateway.db'));
  const box = SecretBox.load(dataDir);
  const metrics = new Metrics();
  const identities = new IdentityService(db, box, config);
  const sessions = new FabricSessions(config);
  const transactions = new TransactionService(
    db,
    sessions,
    {
      onSubmitOutcome: (outcome) => {
        metrics.submits.inc({ outcome });
      },
      onMvccConflict: () => {
        metrics.mvccConflicts.inc();
      },
      onRetry: (kind) => {
        metrics.retries.inc({ kind });
      },
    },
    options.retry,
  );
  const webhooks = new WebhookService(db, box, sessions, identities, logger, metrics, options.webhooks);
  const ledger = new LedgerService(sessions);
  const heightOf = async (caller: Caller, channel: string): Promise<bigint> => BigInt((await ledger.channelInfo(caller, channel)).height);
  const events = new EventService(db, sessions, heightOf, metrics, options.events);
  const indexStore = new IndexStore(db);
  const indexer = new IndexerThread(indexStore, { dataDir, config, preferredMspIds: options.regulatorMspIds ?? ['RegulatorMSP'] }, logger);
  return { config, db, identities, sessions, transactions, ledger, events, webhooks, metrics, logger, chainIndex: { store: indexStore, indexer } };
}

export async function startApi(options: ApiOptions = {}): Promise<RunningApi> {
  const { dataDir, host, port, tls, ...appOptions } = settings(options);
  requireHttpsOffLoopback(host, tls);
  const all = services(options, dataDir);
  const { db, identities, sessions, transactions, webhooks, logger } = all;
  const renewal = new CertificateRenewal(identities, (id) => { sessions.forget(id); }, logger, options.renewal);
  const adminKeys = await identities.bootstrapAdmins();
  const adminKeysFile = path.join(dataDir, 'admin-keys.json');
  saveAdminKeys(adminKeysFile, adminKeys);

  const { app } = createApp(all, appOptions);
  const server = await listen(app, port, host, tls).catch((e: unknown) => {
    sessions.close();
    db.close();
    throw e;
  });
  webhooks.start();
  renewal.start();
  if (process.env.DEC_API_INDEX !== 'off') all.chainIndex.indexer.start();
  const address = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, dataDir }, 'gateway API listening');

  return {
    url,
    renewal,
    server,
    services: all,
    adminKeys,
    adminKeysFile,
    close: async () => {
      webhooks.stop();
      renewal.stop();
      await all.chainIndex.indexer.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await transactions.drain();
      sessions.close();
      db.close();
    },
  };
}
