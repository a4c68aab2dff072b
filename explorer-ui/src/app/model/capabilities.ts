/**
 * What this gateway offers, read from its OpenAPI document (served at
 * /openapi.json). Views ask here before calling, so a transaction the gateway
 * does not route yet (market, metering) shows as "not available from this
 * gateway" instead of a failed request, and lights up when the gateway adds it.
 */

export interface OpenApiDoc {
  paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'delete', { operationId?: string }>>>;
}

export class Capabilities {
  constructor(private readonly doc: OpenApiDoc) {}

  /** The HTTP method of a path, or undefined when the gateway has no such route. */
  method(path: string): 'get' | 'post' | undefined {
    const ops = this.doc.paths[path];
    if (!ops) return undefined;
    return ops.post ? 'post' : ops.get ? 'get' : undefined;
  }

  has(path: string): boolean {
    return this.method(path) !== undefined;
  }

  /** Channels the gateway serves: every channel has the kit's `network:Info` route. */
  channels(): string[] {
    const out: string[] = [];
    for (const p of Object.keys(this.doc.paths)) {
      const m = /^\/api\/v1\/([a-z][a-z0-9.-]*)\/network\/info$/.exec(p);
      if (m?.[1]) out.push(m[1]);
    }
    return out.sort();
  }

  /** Paths under a prefix, e.g. every `/api/v1/energy/market/` route. */
  pathsUnder(prefix: string): string[] {
    return Object.keys(this.doc.paths).filter((p) => p.startsWith(prefix));
  }
}

/** The path of a chaincode transaction route: `/api/v1/{channel}/{contract}/{transaction-in-kebab-case}`. */
export type TxRoute = `/api/v1/${string}/${string}/${string}`;

/** `contract:Transaction` on a channel → the gateway's route path (gateway-api/src/chaincode/table.ts txPath). */
export function txPath(channel: string, wireName: string): TxRoute {
  const [contract = '', fn = ''] = wireName.split(':');
  const kebab = fn.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return `/api/v1/${channel}/${contract}/${kebab}`;
}
