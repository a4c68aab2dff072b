/**
 * Charge points: the platform's charging configuration, a provider listing a
 * charge point (its registered charging-pile device, connectors, place and
 * prices), connector availability, and the reads: one point, the point of an
 * OCPP identity, and the nearest-first search.
 */
import { ConflictError, NotFoundError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { IdentityStore } from '../../identity/store';
import { MaintenanceStore } from '../../maintenance/store';
import { compareScore, emptyRating, RatingStore, type Rating } from '../../ratings/ratings';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import { rank, SEARCH_SCAN_LIMIT } from '../logic';
import type { ChargingConfig, Connector, Point } from '../state';
import { ChargingStore } from '../store';
import { chargerOperator, chargingId, configOf, providerHolder, requireDeposit } from './shared';

export async function configure(ctx: DecContext, input: z.output<typeof inputs.configureInput>, env: EnergyEnv): Promise<ChargingConfig> {
  const config: ChargingConfig = { feeBps: input.feeBps, minDeposit: input.minDeposit, updatedAt: env.now };
  await new ChargingStore(ctx.ledger).putConfig(config);
  ctx.emit('ChargingConfigured', config);
  return config;
}

async function requirePile(ctx: DecContext, deviceEid: string, provider: string): Promise<void> {
  const device = await new IdentityStore(ctx.ledger).requireDevice(deviceEid);
  if (device.kind !== 'charging-pile') throw new ValidationError('request.device', `device ${deviceEid} is a ${device.kind}, not a charging-pile`);
  if (device.ownerEid !== provider) throw new ValidationError('request.device', `device ${deviceEid} is not owned by ${provider}`);
  if (device.status !== 'active') throw new ConflictError(`device ${deviceEid} is ${device.status}`);
}

export async function registerPoint(ctx: DecContext, input: z.output<typeof inputs.registerPointInput>, env: EnergyEnv): Promise<Point> {
  if (new Set(input.connectors.map((c) => c.connectorId)).size !== input.connectors.length) throw new ValidationError('request.connectors', 'connector IDs must be unique');
  await providerHolder(ctx, env, input.provider);
  await requirePile(ctx, input.device, input.provider);
  const store = new ChargingStore(ctx.ledger);
  if (await store.pointOfCharger(input.chargerId)) throw new ConflictError(`charger ID ${input.chargerId} is already registered`);
  const token = new TokenStore(ctx.ledger);
  await requireDeposit(ctx, token, input.provider, await configOf(store), env);
  const point: Point = { id: chargingId('cp', env.txId), ...input, registeredAt: env.now, registeredTxId: env.txId };
  if (await store.point(point.id)) throw new ConflictError(`charge point ${point.id} already exists`);
  await store.addPoint(point);
  for (const c of input.connectors) await store.putConnector({ pointId: point.id, connectorId: c.connectorId, state: 'available', updatedAt: env.now });
  await token.finish('ChargingRegisterPoint');
  ctx.emit('ChargePointRegistered', point);
  return point;
}

export async function requireConnector(store: ChargingStore, point: Point, connectorId: number): Promise<Connector> {
  const c = await store.connector(point.id, connectorId);
  if (!c) throw new ValidationError('request.connectorId', `charge point ${point.id} has no connector ${connectorId}`);
  return c;
}

/** Availability set by the provider or its charging management service (OCPP StatusNotification); a connector in use stays in use until its session stops. */
export async function setConnectorState(ctx: DecContext, input: z.output<typeof inputs.setConnectorStateInput>, env: EnergyEnv): Promise<Connector> {
  const store = new ChargingStore(ctx.ledger);
  const point = await store.requirePoint(input.pointId);
  await chargerOperator(ctx, env, point.provider);
  const previous = await requireConnector(store, point, input.connectorId);
  const order = await new MaintenanceStore(ctx.ledger).openOrder(point.id, input.connectorId);
  if (order) throw new ConflictError(`connector ${input.connectorId} of ${point.id} is under maintenance order ${order}: the order's payment makes it available`);
  if (previous.state === 'in-use') throw new ConflictError(`connector ${input.connectorId} of ${point.id} is in use by session ${previous.sessionId ?? ''}`);
  const next: Connector = { pointId: point.id, connectorId: input.connectorId, state: input.state, updatedAt: env.now };
  await store.putConnector(next);
  ctx.emit('ConnectorStateChanged', { ...next, previous: previous.state });
  return next;
}

export interface PointView {
  point: Point;
  connectors: Connector[];
}

export async function getPoint(ctx: DecContext, input: z.output<typeof inputs.pointInput>): Promise<PointView> {
  const store = new ChargingStore(ctx.ledger);
  const point = await store.requirePoint(input.pointId);
  const connectors: Connector[] = [];
  for (const c of point.connectors) {
    const state = await store.connector(point.id, c.connectorId);
    if (state) connectors.push(state);
  }
  return { point, connectors };
}

export async function pointOfCharger(ctx: DecContext, input: z.output<typeof inputs.chargerInput>): Promise<PointView> {
  const id = await new ChargingStore(ctx.ledger).pointOfCharger(input.chargerId);
  if (!id) throw new NotFoundError('charge point of charger', input.chargerId);
  return getPoint(ctx, { pointId: id });
}

export interface SearchResult {
  items: (Point & { distance2: string })[];
  bookmark: string;
  /** The zone holds more than SEARCH_SCAN_LIMIT points; only the first ones (by ID) were ranked. */
  truncated: boolean;
}

/** Nearest first, then price, then the provider's rating, then ID, over at most SEARCH_SCAN_LIMIT points of the zone; the bookmark is the offset of the next page. */
export async function search(ctx: DecContext, input: z.output<typeof inputs.searchInput>): Promise<SearchResult> {
  const offset = input.bookmark === '' ? 0 : Number(input.bookmark);
  if (!Number.isInteger(offset) || offset < 0 || offset > SEARCH_SCAN_LIMIT) throw new ValidationError('request.bookmark', 'does not belong to this query');
  const { points, more } = await new ChargingStore(ctx.ledger).pointsInZone(input.zone, SEARCH_SCAN_LIMIT);
  const ratings = new RatingStore(ctx.ledger);
  const scores = new Map<string, Rating>();
  for (const p of points) if (!scores.has(p.provider)) scores.set(p.provider, await ratings.of(p.provider));
  const ranked = rank(points, input, (a, b) => compareScore(scores.get(a.provider) ?? emptyRating(a.provider), scores.get(b.provider) ?? emptyRating(b.provider)));
  const end = offset + input.pageSize;
  return { items: ranked.slice(offset, end), bookmark: end < ranked.length ? String(end) : '', truncated: more };
}
