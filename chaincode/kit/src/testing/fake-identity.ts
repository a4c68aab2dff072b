/** A caller for unit tests: MSP ID, a distinguishing name and certificate attributes. */
export interface TestCaller {
  mspId: string;
  name: string;
  attributes?: Record<string, string>;
}

export class FakeClientIdentity {
  constructor(private readonly caller: TestCaller) {}

  getMSPID(): string {
    return this.caller.mspId;
  }
  getID(): string {
    return `x509::/OU=client/CN=${this.caller.name}::/O=${this.caller.mspId}/CN=ca.${this.caller.mspId}`;
  }
  getAttributeValue(name: string): string | null {
    return this.caller.attributes?.[name] ?? null;
  }
  assertAttributeValue(name: string, value: string): boolean {
    return this.getAttributeValue(name) === value;
  }
  getIDBytes(): Uint8Array {
    return Buffer.from(this.getID());
  }
}
