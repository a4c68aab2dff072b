/**
 * Routes generated from the chaincode tables: one per transaction,
 * `POST /api/v1/{channel}/{contract}/{transaction}` (evaluations without input: GET).
 * Submits take `Idempotency-Key` and `Prefer: respond-async`.
 */
import type { ZodType } from 'zod';
import { z } from '../openapi/zod';
import type { AnyRoute, HandlerResult } from '../http/route';
import { splitName, txPath, type ChaincodeTable, type TxDef } from '../chaincode/table';
import type { TxCall } from '../fabric/transactions';
import type { Services } from '../services';
import { evaluateResult, receiptBody, submitHeaders, submitResult } from './schemas';

export function bodySchema(tx: TxDef): ZodType | undefined {
  if (!tx.transient) return tx.input;
  const fields: Record<string, ZodType> = {};
  for (const [name, f] of Object.entries(tx.transient)) fields[name] = f.required ? f.schema : f.schema.optional();
  const transient = z.object(fields).describe('Private inputs: sent in the proposal\'s transient map, never recorded on the ledger');
  const anyRequired = Object.values(tx.transient).some((f) => f.required);
  return z.object({ input: tx.input ?? z.object({}), transient: anyRequired ? transient : transient.optional() });
}

/**
 * The chaincode call, built from the parsed, validated body only (the zod
 * output): whatever else the raw request carried never reaches the chaincode.
 */
export function chaincodeCall(table: ChaincodeTable, tx: TxDef, parsed: unknown): TxCall {
  const withTransient = parsed as { input?: unknown; transient?: Record<string, unknown> } | undefined;
  const input = tx.transient ? withTransient?.input : parsed;
  const args = tx.args ? tx.args(input) : tx.input ? [JSON.stringify(input)] : [];
  const lane = laneOf(tx, input);
  return {
    channel: table.channel,
    chaincode: table.chaincode,
    name: tx.name,
    args,
    ...(lane !== undefined ? { lane } : {}),
    ...(tx.transient ? { transient: transientOf(tx.transient, withTransient?.transient ?? {}) } : {}),
  };
}

/** The declared transient fields the body gave, each as JSON text (the proposal's transient map). */
function transientOf(declared: Readonly<Record<string, unknown>>, given: Record<string, unknown>): Record<string, string> {
  const transient: Record<string, string> = {};
  for (const name of Object.keys(declared)) if (given[name] !== undefined) transient[name] = JSON.stringify(given[name]);
  return transient;
}

/** The debited account the map's `lane` field names in the validated input, if any. */
function laneOf(tx: TxDef, input: unknown): string | undefined {
  if (tx.lane === undefined || typeof input !== 'object' || input === null) return undefined;
  const account = (input as Record<string, unknown>)[tx.lane];
  return typeof account === 'string' ? account : undefined;
}

export function transactionRoutes(tables: ChaincodeTable[], services: Services): AnyRoute[] {
  const routes: AnyRoute[] = [];
  for (const table of tables) {
    for (const tx of table.transactions) {
      const { contract, fn } = splitName(tx.name);
      const body = bodySchema(tx);
      const base = {
        path: txPath(table, tx),
        operationId: `${table.channel}_${contract}_${fn}`,
        tags: [`${table.channel}: ${contract}`],
        auth: 'user' as const,
      };
      if (tx.kind === 'evaluate') {
        routes.push({
          ...base,
          method: body ? 'post' : 'get',
          summary: tx.summary,
          description: `Evaluates \`${tx.name}\` on channel \`${table.channel}\` (no ledger update).`,
          ...(body ? { request: { body } } : {}),
          responses: { 200: { description: 'The chaincode\'s answer', schema: evaluateResult } },
          errors: ['VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION', 'RATE_LIMITED', 'CHAINCODE_ERROR', 'NETWORK_UNAVAILABLE', 'TIMEOUT'],
          handler: async ({ body: parsed, caller }): Promise<HandlerResult> => {
            const result = await services.transactions.evaluate(caller, chaincodeCall(table, tx, parsed));
            return { status: 200, body: { result } };
          },
        });
      } else {
        routes.push({
          ...base,
          method: 'post',
          summary: tx.summary,
          description:
            `Submits \`${tx.name}\` on channel \`${table.channel}\`, signed by the caller's own identity. ` +
            'Waits for the commit unless `Prefer: respond-async`. MVCC conflicts and timeouts are retried by the gateway' +
            (tx.lane ? `; submits debiting one \`${tx.lane}\` account run one after another, so they never conflict with each other.` : '.'),
          request: { ...(body ? { body } : {}), headers: submitHeaders },
          responses: {
            200: { description: 'Committed (validation code VALID)', schema: submitResult },
            202: { description: 'Accepted by ordering; the receipt URL resolves to the outcome', schema: receiptBody, headers: { Location: 'The receipt URL' } },
          },
          errors: [
            'VALIDATION', 'UNAUTHENTICATED', 'ACCESS_DENIED', 'NOT_FOUND', 'CONFLICT', 'MVCC_CONFLICT', 'DUPLICATE', 'TRANSACTION_INVALID',
            'IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED', 'RULE_VIOLATION', 'RATE_LIMITED', 'CHAINCODE_ERROR', 'NETWORK_UNAVAILABLE', 'TIMEOUT',
          ],
          handler: async ({ body: parsed, req, caller }): Promise<HandlerResult> => {
            // Validated against submitHeaders (the app checks documented headers before the handler runs).
            const key = req.get('idempotency-key');
            const async = /\brespond-async\b/i.test(req.get('prefer') ?? '');
            const outcome = await services.transactions.submit(caller, chaincodeCall(table, tx, parsed), { ...(key ? { idempotencyKey: key } : {}), async });
            const headers: Record<string, string> = {};
            if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
            if (outcome.status === 202 && 'receiptUrl' in outcome.body) {
              headers.Location = outcome.body.receiptUrl;
              headers['Preference-Applied'] = 'respond-async';
            }
            return { status: outcome.status, body: outcome.body, headers };
          },
        });
      }
    }
  }
  return routes;
}
