/**
 * A Server-Sent Events parser (the text/event-stream format). The browser's
 * EventSource cannot send an Authorization header, and the gateway takes the
 * API key only there, so streams are read with fetch and parsed here.
 */

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

export class SseParser {
  private buffer = '';
  private lastId: string | undefined;

  /** Feeds a decoded chunk; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const out: SseEvent[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event = this.parseBlock(block);
      if (event) out.push(event);
    }
    return out;
  }

  /** The last event ID seen: where a reconnect resumes (Last-Event-ID). */
  get lastEventId(): string | undefined {
    return this.lastId;
  }

  private parseBlock(block: string): SseEvent | undefined {
    let event = 'message';
    const data: string[] = [];
    for (const [field, value] of block.split('\n').flatMap(fieldOf)) {
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') this.lastId = value;
    }
    if (data.length === 0) return undefined;
    return { ...(this.lastId !== undefined ? { id: this.lastId } : {}), event, data: data.join('\n') };
  }
}

/** `field: value` of one line as [field, value] (one leading space of the value dropped); none for blank and comment lines. */
function fieldOf(line: string): [string, string][] {
  if (line === '' || line.startsWith(':')) return [];
  const colon = line.indexOf(':');
  if (colon < 0) return [[line, '']];
  const value = line.slice(colon + 1);
  return [[line.slice(0, colon), value.startsWith(' ') ? value.slice(1) : value]];
}
