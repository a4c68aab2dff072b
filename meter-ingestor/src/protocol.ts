/**
 * The meter ↔ ingestor protocol over MQTT: one place that says what travels on
 * which topic, so the ingestor, the simulator and every test agree.
 *
 * Topics (one per meter; `<meter>` is the meter's device eID, `eid:d:<32 hex>`):
 *   dec/meters/<meter>/readings   meter → ingestor, QoS 1, one reading per message
 *   dec/meters/<meter>/verdicts   ingestor → meter, QoS 1, one verdict per reading
 *
 * Reading payload (JSON, as metering:SubmitReadings takes it):
 *   { "meter": "eid:d:…", "seq": 42, "ts": "2026-01-01T00:15:00.000Z",
 *     "importWh": "123456", "exportWh": "789", "sig": "<base64 ECDSA P-256 signature>" }
 * The signature covers the canonical encoding below (same as the chaincode's
 * metering-crypto.ts), DER or raw r||s.
 *
 * Verdict payload (JSON):
 *   { "meter", "seq"?, "verdict": "accepted" | "rejected", "duplicate"?: true,
 *     "reason"?: "FORGED_SIGNATURE" | "COUNTER_REGRESSION" | … | "MALFORMED" | "TOPIC_MISMATCH",
 *     "detail"?: string, "txId"?: string }
 * `duplicate: true` means the ledger already held this reading (a resend); it
 * is accepted once and not counted again. A payload that is not a reading gets
 * a `rejected`/`MALFORMED` verdict on the verdict topic of the meter named in
 * the topic (or `dec/meters/unknown/verdicts` if the topic names none).
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readingMessage, readingSchema, type Reading } from '@dec/chaincode-energy/metering-protocol';
import type { z } from 'zod';

/** The port of the project's broker unless DEC_MQTT_PORT says otherwise. */
export const DEFAULT_MQTT_PORT = 1883;
export const TOPIC_ROOT = 'dec/meters';
export const READINGS_SUBSCRIPTION = `${TOPIC_ROOT}/+/readings`;
export const VERDICTS_SUBSCRIPTION = `${TOPIC_ROOT}/+/verdicts`;
export const UNKNOWN_METER_SEGMENT = 'unknown';

export function readingsTopic(meter: string): string {
  return `${TOPIC_ROOT}/${meter}/readings`;
}

export function verdictsTopic(meter: string): string {
  return `${TOPIC_ROOT}/${meter}/verdicts`;
}

/** The broker URL for a host and port (mqtt://host:port). */
export function brokerUrl(port: number, host = '127.0.0.1'): string {
  return `mqtt://${host}:${port}`;
}

const METER_EID = /^eid:d:[0-9a-f]{32}$/;

/** The meter segment of a readings topic, or undefined. */
export function meterOfTopic(topic: string): string | undefined {
  const parts = topic.split('/');
  if (parts.length !== 4 || `${parts[0] ?? ''}/${parts[1] ?? ''}` !== TOPIC_ROOT || parts[3] !== 'readings') return undefined;
  return METER_EID.test(parts[2] ?? '') ? parts[2] : undefined;
}

/**
 * The chaincode's own reading schema (`@dec/chaincode-energy/metering-protocol`): a payload
 * the ingestor accepts is one metering:SubmitReadings parses, so malformed payloads never
 * reach the ledger and the two can never disagree.
 */
export const readingPayload = readingSchema;
export type ReadingPayload = Reading;

export interface Verdict {
  meter: string;
  seq?: number;
  verdict: 'accepted' | 'rejected';
  duplicate?: true;
  reason?: string;
  detail?: string;
  txId?: string;
}

/** The bytes a meter signs: the chaincode's canonical encoding, re-exported for meters. */
export { readingMessage };

export function signReading(key: KeyObject | string, r: Omit<ReadingPayload, 'sig'>): ReadingPayload {
  const k = typeof key === 'string' ? createPrivateKey(key) : key;
  return { ...r, sig: sign('sha256', Buffer.from(readingMessage(r), 'utf8'), k).toString('base64') };
}

export type ParsedReading = { reading: ReadingPayload } | { error: string; meter?: string; seq?: number };

/** The meter and sequence a JSON value names, where they look right (to address the verdict refusing it). */
function namedIn(json: unknown): { meter?: string; seq?: number } {
  const obj = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  return {
    meter: typeof obj.meter === 'string' && METER_EID.test(obj.meter) ? obj.meter : undefined,
    seq: typeof obj.seq === 'number' && Number.isSafeInteger(obj.seq) ? obj.seq : undefined,
  };
}

/** Why a JSON value is not a reading (the first issue, naming the field), and the meter and sequence it names. */
function malformed(json: unknown, issue: z.core.$ZodIssue | undefined): { error: string; meter?: string; seq?: number } {
  const field = ['reading', ...(issue?.path ?? []).map(String)].join('.');
  return { error: `${field}: ${issue?.message ?? 'is invalid'}`, ...namedIn(json) };
}

/** Parses a message payload into a reading, or says why it is malformed (naming the field). */
export function parseReading(payload: Buffer): ParsedReading {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return { error: 'payload is not JSON' };
  }
  const r = readingPayload.safeParse(json);
  return r.success ? { reading: r.data } : malformed(json, r.error.issues[0]);
}

/**
 * What the ingestor makes of a message: a reading for the ledger, or the verdict refusing it before the
 * ledger sees it (not a reading, a topic naming no meter, or a reading of another meter than the topic's).
 */
export function readingOf(topic: string, payload: Buffer): { reading: ReadingPayload } | { refusal: Verdict } {
  const topicMeter = meterOfTopic(topic);
  const parsed = parseReading(payload);
  const refuse = (reason: string, detail: string, meter: string | undefined, seq: number | undefined): { refusal: Verdict } => ({
    refusal: { meter: meter ?? topicMeter ?? UNKNOWN_METER_SEGMENT, seq, verdict: 'rejected', reason, detail },
  });
  if ('error' in parsed) return refuse('MALFORMED', parsed.error, topicMeter ?? parsed.meter, parsed.seq);
  const { meter, seq } = parsed.reading;
  if (!topicMeter) return refuse('MALFORMED', `topic ${topic} does not name a meter eID`, meter, seq);
  if (topicMeter !== meter) return refuse('TOPIC_MISMATCH', `reading of ${meter} published on the topic of ${topicMeter}`, topicMeter, seq);
  return parsed;
}
