import { expect } from 'chai';
import type { Caller } from '../auth/identities';
import { mayReadTokens } from './token-index';

const caller = (mspId: string, apiRole: string, role?: string): Caller => ({ mspId, apiRole, attributes: role ? { role } : {} }) as unknown as Caller;

describe('token holders and movements: who may read', () => {
  it('lets the regulator and the platform operator read, by org first and then role', () => {
    expect(mayReadTokens(caller('RegulatorMSP', 'user', 'regulator'))).to.equal(true);
    expect(mayReadTokens(caller('RegulatorMSP', 'admin'))).to.equal(true);
    expect(mayReadTokens(caller('PlatformMSP', 'user', 'operator'))).to.equal(true);
    expect(mayReadTokens(caller('PlatformMSP', 'admin'))).to.equal(true);
  });

  it('refuses other orgs whatever role their admin wrote, and plain users of the two orgs', () => {
    expect(mayReadTokens(caller('BankMSP', 'admin'))).to.equal(false);
    expect(mayReadTokens(caller('BankMSP', 'user', 'regulator'))).to.equal(false);
    expect(mayReadTokens(caller('GridMSP', 'user', 'operator'))).to.equal(false);
    expect(mayReadTokens(caller('RegulatorMSP', 'user'))).to.equal(false);
    expect(mayReadTokens(caller('PlatformMSP', 'user', 'regulator'))).to.equal(false);
  });
});
