/**
 * Identity state access. Key scheme (Fabric composite keys, objectType first):
 *
 *   id.participant   ~<eid>                    Participant record
 *   id.binding       ~<mspId>~<certId>         { eid }  the eID a Fabric identity is bound to
 *   id.role          ~<role>~<eid>             { eid }  index of granted roles, for ListByRole
 *   id.device        ~<deviceEid>              Device record
 *   id.device-owner  ~<ownerEid>~<deviceEid>   { eid }  index for ListDevices
 *   id.device-serial ~<kind>~<serial>          { eid }  uniqueness of a serial per kind
 *
 * Token transactions read id.participant of payer and payee; these records
 * change only on KYC decisions, so reading them does not make payments conflict.
 */
import { decoder, keyPart, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import { deviceSchema, participantSchema, type Device, type DeviceKind, type Participant, type Role } from './state';

const ref = z.object({ eid: z.string() });
const decodeParticipant = decoder(participantSchema, 'participant');
const decodeDevice = decoder(deviceSchema, 'device');
const decodeRef = decoder(ref, 'index entry');

export const IDENTITY_KEYS = {
  participant: 'id.participant',
  binding: 'id.binding',
  role: 'id.role',
  device: 'id.device',
  deviceOwner: 'id.device-owner',
  deviceSerial: 'id.device-serial',
} as const;

export class IdentityStore {
  constructor(private readonly ledger: Ledger) {}

  private participantKey(eid: string): string {
    return this.ledger.key(IDENTITY_KEYS.participant, keyPart('eid', eid));
  }

  private bindingKey(mspId: string, certId: string): string {
    return this.ledger.key(IDENTITY_KEYS.binding, keyPart('mspId', mspId), keyPart('certId', certId));
  }

  async participant(eid: string): Promise<Participant | undefined> {
    return this.ledger.get(this.participantKey(eid), decodeParticipant);
  }

  async requireParticipant(eid: string): Promise<Participant> {
    return this.ledger.require(this.participantKey(eid), decodeParticipant, 'participant', eid);
  }

  /** The participant bound to a Fabric identity, if any (including rejected ones). */
  async byIdentity(mspId: string, certId: string): Promise<Participant | undefined> {
    const binding = await this.ledger.get(this.bindingKey(mspId, certId), decodeRef);
    return binding ? this.participant(binding.eid) : undefined;
  }

  /** Writes a participant and keeps its binding and role index in step with the previous version. */
  async saveParticipant(next: Participant, previous?: Participant): Promise<void> {
    await this.ledger.put(this.participantKey(next.eid), next);
    if (!previous) await this.ledger.put(this.bindingKey(next.mspId, next.certId), { eid: next.eid });
    const before = previous?.roles ?? [];
    for (const role of before.filter((r) => !next.roles.includes(r))) await this.ledger.delete(this.roleKey(role, next.eid));
    for (const role of next.roles.filter((r) => !before.includes(r))) await this.ledger.put(this.roleKey(role, next.eid), { eid: next.eid });
  }

  private roleKey(role: Role, eid: string): string {
    return this.ledger.key(IDENTITY_KEYS.role, role, keyPart('eid', eid));
  }

  /** Participants granted a role, one page at a time (evaluate only). */
  async pageByRole(role: Role, pageSize: number, bookmark: string): Promise<Page<Participant>> {
    const page = await this.ledger.page(IDENTITY_KEYS.role, [role], pageSize, bookmark, decodeRef);
    const items = [];
    for (const entry of page.items) {
      items.push({ ...entry, value: await this.requireParticipant(entry.value.eid) });
    }
    return { items, bookmark: page.bookmark };
  }

  // --- devices -------------------------------------------------------------

  private deviceKey(eid: string): string {
    return this.ledger.key(IDENTITY_KEYS.device, keyPart('eid', eid));
  }

  private serialKey(kind: DeviceKind, serial: string): string {
    return this.ledger.key(IDENTITY_KEYS.deviceSerial, kind, keyPart('serial', serial));
  }

  async device(eid: string): Promise<Device | undefined> {
    return this.ledger.get(this.deviceKey(eid), decodeDevice);
  }

  async requireDevice(eid: string): Promise<Device> {
    return this.ledger.require(this.deviceKey(eid), decodeDevice, 'device', eid);
  }

  async deviceBySerial(kind: DeviceKind, serial: string): Promise<string | undefined> {
    return (await this.ledger.get(this.serialKey(kind, serial), decodeRef))?.eid;
  }

  async saveDevice(next: Device, isNew: boolean): Promise<void> {
    await this.ledger.put(this.deviceKey(next.eid), next);
    if (isNew) {
      await this.ledger.put(this.serialKey(next.kind, next.serial), { eid: next.eid });
      await this.ledger.put(this.ledger.key(IDENTITY_KEYS.deviceOwner, keyPart('ownerEid', next.ownerEid), keyPart('eid', next.eid)), { eid: next.eid });
    }
  }

  async pageDevices(ownerEid: string, pageSize: number, bookmark: string): Promise<Page<Device>> {
    const page = await this.ledger.page(IDENTITY_KEYS.deviceOwner, [keyPart('ownerEid', ownerEid)], pageSize, bookmark, decodeRef);
    const items = [];
    for (const entry of page.items) items.push({ ...entry, value: await this.requireDevice(entry.value.eid) });
    return { items, bookmark: page.bookmark };
  }
}
