/**
 * The express app: security headers, body size limit, structured request logs
 * and metrics, per-route auth → per-identity rate limit → zod validation →
 * handler, and one error format for everything.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import type { Caller } from './auth/identities';
import { docsRouter } from './http/docs';
import { AuthFailureLimit } from './http/auth-failures';
import { ApiError, toApiError } from './http/errors';
import { expressPath, type AnyRoute, type HandlerResult } from './http/route';
import { openApiJson } from './openapi/document';
import { allRoutes } from './routes/all';
import type { Services } from './services';

export interface AppOptions {
  /** Largest JSON body accepted (default 256 KiB). */
  bodyLimit?: string;
  /** Requests per identity (or per IP without one) per minute (default 600). */
  rateLimitPerMinute?: number;
  /** Failed authentications (401) per client address per minute before that address gets 429 (default 20). */
  authFailuresPerMinute?: number;
  /** The orgs whose identities may use the regulator routes (default RegulatorMSP). */
  regulatorMspIds?: string[];
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
    requestId?: string;
  }
}

function apiKeyOf(req: Request): string | undefined {
  const auth = req.get('authorization');
  if (auth) return /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  return req.get('x-api-key') ?? undefined;
}

function validate(schema: ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new ApiError('VALIDATION', details.map((d) => `${d.field}: ${d.message}`).join('; '), { details });
}

export function createApp(services: Services, options: AppOptions = {}): { app: express.Express; routes: AnyRoute[] } {
  const { logger, metrics } = services;
  const routes = allRoutes(services);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    req.requestId = req.get('x-request-id')?.slice(0, 128) ?? randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.latency.observe({ method: req.method, route }, seconds);
      logger.info(
        {
          requestId: req.requestId,
          method: req.method,
          route,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          ...(req.caller ? { mspId: req.caller.mspId, enrollmentId: req.caller.enrollmentId } : {}),
        },
        'request',
      );
    });
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } },
    }),
  );
  app.use(express.json({ limit: options.bodyLimit ?? '256kb', strict: true }));
  app.use(docsRouter(openApiJson(routes)));

  const limiter = rateLimit({
    windowMs: 60_000,
    limit: options.rateLimitPerMinute ?? 600,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => req.caller?.id ?? ipKeyGenerator(req.ip ?? '0.0.0.0'),
    handler: (_req, _res, next) => {
      next(new ApiError('RATE_LIMITED', 'too many requests for this identity; retry later'));
    },
  });

  // Guessing keys costs the guesser: every 401 counts against its address, successes (and requests in flight) do not.
  const authFailures = new AuthFailureLimit(options.authFailuresPerMinute ?? 20);
  const regulators = options.regulatorMspIds ?? ['RegulatorMSP'];

  const authenticate = (r: AnyRoute) => (req: Request, _res: Response, next: NextFunction) => {
    const address = ipKeyGenerator(req.ip ?? '0.0.0.0');
    try {
      authFailures.check(address);
    } catch (e) {
      next(e);
      return;
    }
    try {
      const caller = services.identities.authenticate(apiKeyOf(req));
      req.caller = caller;
      authorize(r, caller, regulators);
      next();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') authFailures.fail(address);
      next(e);
    }
  };

  for (const r of routes) {
    const handle = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        const result = await r.handler({ ...validatedInput(r, req), caller: req.caller as Caller, req, res });
        if (result && !res.headersSent) reply(res, result);
      } catch (e) {
        next(e);
      }
    };
    const chain = r.auth === 'public' ? [handle] : [authenticate(r), limiter, handle];
    app[r.method](expressPath(r.path), ...chain);
  }

  app.use((req, _res, next) => {
    next(new ApiError('NOT_FOUND', `no route ${req.method} ${req.path}`));
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const error = requestError(err, options.bodyLimit ?? '256kb');
    if (error.code === 'INTERNAL') logger.error({ requestId: req.requestId, err }, 'unhandled error');
    if (error.status >= 500 && error.code !== 'INTERNAL') logger.warn({ requestId: req.requestId, code: error.code, message: error.message }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(error.status).json(error.body());
  });
  return { app, routes };
}

/**
 * Whether the caller's API role and org allow the route. Regulator routes
 * read every block and transaction of a channel: only identities of a
 * regulator org (its users with role=regulator, or its API admins) may; a
 * `role=regulator` attribute alone is something any org's admin can write
 * into its own users' certificates.
 */
function authorize(r: AnyRoute, caller: Caller, regulatorMspIds: readonly string[]): void {
  if (r.auth === 'admin' && caller.apiRole !== 'admin') throw new ApiError('ACCESS_DENIED', 'only an API admin of the org may do this');
  if (r.auth !== 'regulator') return;
  const ofRegulatorOrg = regulatorMspIds.includes(caller.mspId);
  if (!ofRegulatorOrg || (caller.apiRole !== 'admin' && caller.attributes.role !== 'regulator'))
    throw new ApiError('ACCESS_DENIED', `only identities of ${regulatorMspIds.join(', ')} with role=regulator, or its API admins, may do this`);
}

/** A route's params, query and body, each checked against the route's schema (documented headers are checked too). */
function validatedInput(r: AnyRoute, req: Request): { params: unknown; query: unknown; body: unknown } {
  if (r.request?.headers) validate(r.request.headers, req.headers, 'headers');
  return {
    params: validate(r.request?.params, req.params, 'params'),
    query: validate(r.request?.query, req.query, 'query'),
    body: r.request?.body ? validate(r.request.body, req.body, 'body') : undefined,
  };
}

function reply(res: Response, result: HandlerResult): void {
  for (const [h, v] of Object.entries(result.headers ?? {})) res.setHeader(h, v);
  if (result.body === undefined) res.status(result.status).end();
  else if (typeof result.body === 'string' && result.headers?.['content-type']) res.status(result.status).send(result.body);
  else res.status(result.status).json(result.body);
}

/** body-parser's failures by their type, anything else as toApiError maps it. */
function requestError(err: unknown, bodyLimit: string | number): ApiError {
  if (err instanceof ApiError) return err;
  const type = (err as { type?: string } | undefined)?.type;
  if (type === 'entity.too.large') return new ApiError('PAYLOAD_TOO_LARGE', `request body larger than ${bodyLimit}`);
  if (type === 'entity.parse.failed') return new ApiError('VALIDATION', 'request body is not valid JSON');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') return new ApiError('UNSUPPORTED_MEDIA_TYPE', 'unsupported request encoding');
  return toApiError(err);
}
