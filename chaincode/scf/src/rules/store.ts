/**
 * Rules storage. Key scheme: `rules~current` (one record), `alert~<txId>`
 * (one record per alert, keyed by the recording transaction, so alerts are
 * blind inserts that never conflict with each other).
 */
import { keyPart, type Ledger } from '@dec/chaincode-kit';
import { decodeAlert, decodeAlertDetail, decodeRules, DEFAULT_RULES, type Alert, type AlertDetail, type Rules } from './state';

export class RulesStore {
  constructor(private readonly ledger: Ledger) {}

  private rulesKey(): string {
    return this.ledger.key('rules', 'current');
  }

  async rules(): Promise<Rules> {
    return (await this.ledger.get(this.rulesKey(), decodeRules)) ?? DEFAULT_RULES;
  }

  putRules(r: Rules): Promise<void> {
    return this.ledger.put(this.rulesKey(), r);
  }

  alertKey(alertId: string): string {
    return this.ledger.key('alert', keyPart('alertId', alertId));
  }

  putAlert(a: Alert): Promise<void> {
    return this.ledger.put(this.alertKey(a.alertId), a);
  }

  putAlertDetail(collection: string, alertId: string, detail: AlertDetail, salt: string): Promise<void> {
    return this.ledger.putPrivate(collection, this.alertKey(alertId), detail, salt);
  }

  alert(alertId: string): Promise<Alert | undefined> {
    return this.ledger.get(this.alertKey(alertId), decodeAlert);
  }

  /** The private detail of a refusal alert; undefined when absent or not readable on this peer. */
  async alertDetail(collection: string, alertId: string): Promise<AlertDetail | undefined> {
    try {
      return await this.ledger.getPrivate(collection, this.alertKey(alertId), decodeAlertDetail);
    } catch {
      return undefined; // this peer's org is not a member of the collection
    }
  }

  /** Every alert, oldest transaction ID first. Range read: evaluate only. */
  async alerts(): Promise<Alert[]> {
    return (await this.ledger.list('alert', [], decodeAlert)).map((e) => e.value);
  }
}
