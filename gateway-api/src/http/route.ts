/**
 * One route = one definition: method, path, auth, zod schemas of what comes in
 * and goes out, and the handler. The app mounts routes from these definitions
 * and the OpenAPI document is generated from the same objects, so the two
 * cannot drift apart.
 */
import type { Request, Response } from 'express';
import type { ZodObject, ZodType } from 'zod';
import type { Caller } from '../auth/identities';
import type { ErrorCode } from './errors';

/** public: no key; user: any active identity; admin: API admin of its org; regulator: role regulator or API admin. */
export type Auth = 'public' | 'user' | 'admin' | 'regulator';

export interface ResponseSpec {
  description: string;
  schema?: ZodType;
  contentType?: string;
  /** Other media types the same answer comes in (e.g. `text/csv` of a list page), by content type. */
  alternatives?: Record<string, ZodType>;
  headers?: Record<string, string>;
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller;
  req: Request;
  res: Response;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- defaults let handlers be typed per route
export interface Route<P = any, Q = any, B = any> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style: `/api/v1/identities/{enrollmentId}` */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: Auth;
  request?: {
    params?: ZodObject;
    query?: ZodObject;
    body?: ZodType;
    /** Documented request headers (validated by the handler). */
    headers?: ZodObject;
  };
  responses: Record<number, ResponseSpec>;
  /** Error codes this route can answer with (documented with the Error schema). */
  errors: ErrorCode[];
  /** Returns the response, or undefined when it wrote the response itself (streams). */
  handler(input: HandlerInput<P, Q, B>): Promise<HandlerResult | undefined>;
}

/** A route of any shape (the defaults are `any`): routes of every shape live in one table. */
export type AnyRoute = Route;

export function route<P = unknown, Q = unknown, B = unknown>(r: Route<P, Q, B>): AnyRoute {
  return r as AnyRoute;
}

/** `/a/{b}/c` → `/a/:b/c` for express. */
export const expressPath = (openApiPath: string): string => openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
