/**
 * Runs schemathesis (PyPI, CLI v4) against a running gateway from the
 * `/openapi.json` it serves, with one API key, and reads its NDJSON report:
 * how many cases ran, which checks failed how often, and for the failures
 * that matter here (server errors, schema-valid requests refused) the
 * operation, status and error message of each. The run is bounded by
 * `--max-examples` per operation and a wall-clock limit on the process.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SchemathesisOptions {
  /** The API's base URL; the spec is `<url>/openapi.json`. */
  url: string;
  apiKey: string;
  operationIds: readonly string[];
  maxExamples: number;
  /** Kill the run after this long (it then fails). */
  timeoutMs: number;
  workDir: string;
  seed?: number;
}

export interface Refusal {
  operation: string;
  status: number;
  code?: string;
  messages: string[];
}

export interface SchemathesisSummary {
  exitCode: number | null;
  operations: number;
  cases: number;
  /** Failed checks by check name (not_a_server_error, positive_data_acceptance, ...). */
  failuresByCheck: Record<string, number>;
  serverErrors: Refusal[];
  /** Schema-valid requests the API refused (positive_data_acceptance failures). */
  refusedValid: Refusal[];
}

/** Statuses a schema-valid request may get: business outcomes, not input refusals (400 is the one that is not). */
const ACCEPTED_STATUSES = ['2XX', 401, 403, 404, 409, 422, 429];

interface Interaction {
  request: { method: string; uri: string };
  /** The report stores the body as `content: {$base64}`. */
  response?: { status_code: number | string; content?: { $base64?: string } | string };
}

interface Recorder {
  label?: string;
  checks?: Record<string, { name: string; status: string }[]>;
  interactions?: Record<string, Interaction>;
}

/** The response body's text (the report stores bodies as base64). */
function bodyText(interaction: Interaction | undefined): string {
  const raw = interaction?.response?.content;
  if (typeof raw === 'string') return raw;
  return raw?.$base64 ? Buffer.from(raw.$base64, 'base64').toString('utf8') : '';
}

interface ErrorReply {
  error?: { code?: string; message?: string; details?: { message: string }[] };
}

function refusalOf(label: string, interaction: Interaction | undefined): Refusal {
  let body: ErrorReply = {};
  try {
    body = JSON.parse(bodyText(interaction)) as ErrorReply;
  } catch {
    // not JSON: no code, no messages
  }
  const error = body.error;
  return { operation: label, status: Number(interaction?.response?.status_code ?? 0), ...(error?.code ? { code: error.code } : {}), messages: messagesOf(error) };
}

/** The per-field messages of an error reply, else its message. */
function messagesOf(error: ErrorReply['error']): string[] {
  if (error?.details) return error.details.map((d) => d.message);
  return error?.message ? [error.message] : [];
}

/** Counts one scenario's cases and failed checks into the summary. */
function addScenario(summary: SchemathesisSummary, recorder: Recorder): void {
  const label = recorder.label ?? '?';
  for (const [caseId, checks] of Object.entries(recorder.checks ?? {})) {
    summary.cases++;
    for (const check of checks.filter((c) => c.status === 'failure')) {
      summary.failuresByCheck[check.name] = (summary.failuresByCheck[check.name] ?? 0) + 1;
      const refusal = (): Refusal => refusalOf(label, recorder.interactions?.[caseId]);
      if (check.name === 'not_a_server_error') summary.serverErrors.push(refusal());
      if (check.name === 'positive_data_acceptance') summary.refusedValid.push(refusal());
    }
  }
}

/** Reads every finished scenario of the NDJSON report. */
export function summarize(ndjson: string, exitCode: number | null): SchemathesisSummary {
  const summary: SchemathesisSummary = { exitCode, operations: 0, cases: 0, failuresByCheck: {}, serverErrors: [], refusedValid: [] };
  const labels = new Set<string>();
  for (const line of ndjson.split('\n').filter(Boolean)) {
    const recorder = (JSON.parse(line) as { ScenarioFinished?: { recorder: Recorder } }).ScenarioFinished?.recorder;
    if (!recorder?.checks) continue;
    labels.add(recorder.label ?? '?');
    addScenario(summary, recorder);
  }
  summary.operations = labels.size;
  return summary;
}

export async function runSchemathesis(o: SchemathesisOptions): Promise<SchemathesisSummary> {
  mkdirSync(o.workDir, { recursive: true });
  const config = path.join(o.workDir, 'schemathesis.toml');
  writeFileSync(config, `[checks.positive_data_acceptance]\nexpected-statuses = ${JSON.stringify(ACCEPTED_STATUSES.map(String))}\n`);
  const reports = path.join(o.workDir, 'reports');
  const args = [
    '--config-file', config, 'run', `${o.url}/openapi.json`,
    '-H', `Authorization: Bearer ${o.apiKey}`,
    ...o.operationIds.flatMap((id) => ['--include-operation-id', id]),
    '--checks', 'not_a_server_error,positive_data_acceptance,negative_data_rejection',
    '--phases', 'examples,coverage,fuzzing',
    '--max-examples', String(o.maxExamples),
    '--workers', '2',
    '--request-timeout', '30',
    '--seed', String(o.seed ?? 20),
    '--report', 'ndjson', '--report-dir', reports,
    '--output-truncate', 'true',
  ];
  const exitCode = await new Promise<number | null>((resolve) => {
    execFile('schemathesis', args, { timeout: o.timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error) => {
      resolve(error ? ((error as { code?: number }).code ?? null) : 0);
    });
  });
  const file = readdirSync(reports).filter((f) => f.endsWith('.ndjson')).sort().pop();
  if (!file) throw new Error(`schemathesis wrote no report (exit ${String(exitCode)})`);
  return summarize(readFileSync(path.join(reports, file), 'utf8'), exitCode);
}
