/**
 * Certificate renewal: the gateway holds every API user's enrollment, so it
 * is the one that must renew them. Periodically, each active identity whose
 * certificate ends within `renewWithinMs` is re-enrolled with its current
 * certificate (Fabric CA reenroll: no secret, a new key pair); its cached
 * Fabric connection is dropped so the next call signs with the new key.
 * A failure is logged and tried again on the next round (the old certificate
 * stays valid until it expires).
 */
import type { Logger } from 'pino';
import type { IdentityService } from './identities';

export interface RenewalOptions {
  /** Renew certificates that end within this time (default 30 days). */
  renewWithinMs?: number;
  /** How often to look (default hourly). */
  everyMs?: number;
}

export class CertificateRenewal {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly identities: IdentityService,
    private readonly onRenewed: (identityId: string) => void,
    private readonly logger: Logger,
    private readonly options: RenewalOptions = {},
  ) {}

  /** Re-enrolls every identity whose certificate ends within `withinMs`; returns the IDs renewed. */
  async renewExpiring(withinMs = this.options.renewWithinMs ?? 30 * 86_400_000): Promise<string[]> {
    const renewed: string[] = [];
    for (const { id, notAfter } of this.identities.expiringBefore(new Date(Date.now() + withinMs))) {
      try {
        await this.identities.reenroll(id);
        this.onRenewed(id);
        renewed.push(id);
        this.logger.info({ identity: id, notAfter: notAfter.toISOString() }, 'certificate renewed');
      } catch (e) {
        this.logger.warn({ identity: id, err: (e as Error).message }, 'certificate renewal failed; retrying next round');
      }
    }
    return renewed;
  }

  start(): void {
    this.timer = setInterval(() => {
      void this.renewExpiring();
    }, this.options.everyMs ?? 3_600_000);
    this.timer.unref();
    void this.renewExpiring();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
