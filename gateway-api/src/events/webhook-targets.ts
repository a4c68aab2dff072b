/**
 * Where a webhook may POST. Any API user picks the URL, so without a policy the
 * gateway would call loopback services, the cloud metadata endpoint or the
 * consortium's internal hosts on the user's behalf (SSRF). Only public unicast
 * addresses are allowed by default; a deployment that needs internal targets
 * lists them (CIDRs) in the allowlist. The check runs on the addresses DNS
 * returns when the webhook is created, and again inside the socket's own
 * `lookup` at every delivery, so the address actually connected is the one
 * checked (no DNS rebinding between check and connect).
 */
import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** Addresses refused by name even if a range table ever called them unicast: cloud metadata endpoints. */
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'];

export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefused';
  }
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function normalized(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

export class TargetPolicy {
  private readonly allowed: Cidr[];

  /** `allow`: CIDRs (or single addresses) that may be called although not public, e.g. `127.0.0.0/8`. */
  constructor(allow: readonly string[] = []) {
    this.allowed = allow.map((entry) => {
      const text = entry.trim();
      const cidr = text.includes('/') ? ipaddr.parseCIDR(text) : ([ipaddr.parse(text), ipaddr.parse(text).kind() === 'ipv4' ? 32 : 128] as Cidr);
      return [normalizedCidrAddress(cidr[0]), cidr[0].kind() === 'ipv6' && (cidr[0] as ipaddr.IPv6).isIPv4MappedAddress() ? cidr[1] - 96 : cidr[1]];
    });
  }

  /** `DEC_API_WEBHOOK_ALLOW`: comma-separated CIDRs. */
  static fromEnv(value: string | undefined): TargetPolicy {
    return new TargetPolicy((value ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  }

  /** Why the address may not be called, or undefined when it may. */
  refusal(address: string): string | undefined {
    if (!ipaddr.isValid(address)) return 'not an IP address';
    const ip = normalized(address);
    if (this.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match([net, bits] as never))) return undefined;
    if (METADATA.some((m) => normalized(m).toString() === ip.toString())) return 'a cloud metadata address';
    const range = ip.range();
    return range === 'unicast' ? undefined : `a ${range} address`;
  }

  /** Throws TargetRefused unless every address may be called. */
  check(host: string, addresses: readonly string[]): void {
    if (addresses.length === 0) throw new TargetRefused(`${host} does not resolve`);
    for (const address of addresses) {
      const why = this.refusal(address);
      if (why) throw new TargetRefused(`${host} resolves to ${why}, which webhooks may not call`);
    }
  }

  /** Resolves a URL's host and checks every address it resolves to (at webhook creation). */
  async checkUrl(url: string): Promise<void> {
    const host = hostOf(url);
    if (isIP(host)) {
      this.check(host, [host]);
      return;
    }
    const addresses = await new Promise<LookupAddress[]>((resolve) => {
      dnsLookup(host, { all: true }, (err, found) => {
        resolve(err ? [] : found);
      });
    });
    this.check(host, addresses.map((a) => a.address));
  }

  /** A `lookup` for http(s).request: resolves, then refuses the connection unless every address returned may be called. */
  lookup(): LookupFunction {
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (err, found) => {
        if (err) {
          callback(err, '', 0);
          return;
        }
        try {
          this.check(hostname, found.map((a) => a.address));
        } catch (refused) {
          callback(refused as NodeJS.ErrnoException, '', 0);
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
        else callback(null, found[0]?.address ?? '', found[0]?.family ?? 4);
      });
    };
  }
}

function normalizedCidrAddress(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
}
