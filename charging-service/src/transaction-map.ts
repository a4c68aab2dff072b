/**
 * The OCPP transactionId -> charging session map, persisted so that a CSMS
 * restart loses nothing: a charger still sends MeterValues and
 * StopTransaction for a transaction started before the restart. One JSON
 * file, rewritten atomically (write to a temporary file, then rename) on
 * every change; without a file the map lives in memory only (tests).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

interface Stored {
  next: number;
  sessions: Record<string, string>;
}

export class TransactionMap {
  private next = 1;
  private readonly sessions = new Map<number, string>();

  constructor(private readonly file?: string) {
    if (!file) return;
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      return; // no file yet: a fresh service
    }
    const stored = JSON.parse(raw) as Stored;
    this.next = stored.next;
    for (const [k, v] of Object.entries(stored.sessions)) this.sessions.set(Number(k), v);
  }

  /** A new transactionId (never reused, also across restarts) for `sessionId`. */
  add(sessionId: string): number {
    const id = this.next++;
    this.sessions.set(id, sessionId);
    this.save();
    return id;
  }

  get(transactionId: number): string | undefined {
    return this.sessions.get(transactionId);
  }

  delete(transactionId: number): void {
    if (this.sessions.delete(transactionId)) this.save();
  }

  private save(): void {
    if (!this.file) return;
    const stored: Stored = { next: this.next, sessions: Object.fromEntries([...this.sessions].map(([k, v]) => [String(k), v])) };
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(stored));
    renameSync(tmp, this.file);
  }
}
