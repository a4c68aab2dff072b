/**
 * The chaincode transaction routes as openapi-fetch sees them. The generated
 * `paths` name each route of the committed gateway-api/openapi.json, but the
 * explorer picks a transaction's route at run time from the document the
 * running gateway serves (Capabilities), so a route is any `TxRoute`; what
 * every one of them answers (EvaluateResult, or the gateway's Error) comes
 * from the generated schemas.
 */
import type { TxRoute } from '../model/capabilities';
import type { ErrorBody, EvaluateResult } from './types';

interface NoParameters {
  query?: never;
  header?: never;
  path?: never;
  cookie?: never;
}

interface TxResponses {
  200: { headers: Record<string, unknown>; content: { 'application/json': EvaluateResult } };
  default: { headers: Record<string, unknown>; content: { 'application/json': ErrorBody } };
}

/** A transaction without input (evaluated with GET). */
interface TxGet {
  parameters: NoParameters;
  requestBody?: never;
  responses: TxResponses;
}

/** A transaction with a JSON input (POST). */
interface TxPost {
  parameters: NoParameters;
  requestBody: { content: { 'application/json': Record<string, unknown> } };
  responses: TxResponses;
}

export type TxRoutes = Record<TxRoute, { parameters: NoParameters; get: TxGet; post: TxPost }>;
