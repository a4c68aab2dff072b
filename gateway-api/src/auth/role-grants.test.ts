/** The gateway refuses to put a platform role into a certificate of an org the chaincode does not accept it from. */
import { expect } from 'chai';
import { ROLE_GRANTORS } from '@dec/chaincode-energy/principals';
import { ApiError } from '../http/errors';
import { identityRoutes } from '../routes/identities';
import type { Services } from '../services';
import type { Caller } from './identities';
import { requestedRoles, requireRoleGrants } from './role-grants';

const refusal = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('gateway: who may grant platform roles (issue 13)', () => {
  it('follows the chaincode table: operator and ingestor only from their grantor MSPs, other roles from anyone', () => {
    expect(Object.keys(ROLE_GRANTORS)).to.include.members(['operator', 'ingestor']);
    for (const [role, grantors] of Object.entries(ROLE_GRANTORS)) {
      for (const msp of grantors) expect(() => { requireRoleGrants(msp, [{ field: 'role', role }]); }).to.not.throw();
      const e = refusal(() => { requireRoleGrants('BankMSP', [{ field: 'role', role }]); });
      expect(e.status).to.equal(403);
      expect(e.message).to.equal(`role: role ${role} is granted only by ${grantors.join(', ')}; an admin of BankMSP may not put it in a certificate`);
      expect(e.extra.details).to.deep.equal([{ field: 'role', message: e.message, mspId: 'BankMSP' }]);
    }
    expect(() => { requireRoleGrants('BankMSP', [{ field: 'role', role: 'bank-officer' }, { field: 'role', role: 'constructor' }]); }).to.not.throw();
  });

  it('checks both the role field and attributes.role', () => {
    expect(requestedRoles({ role: 'supplier', attributes: { role: 'operator', eid: 'x' } })).to.deep.equal([
      { field: 'role', role: 'supplier' },
      { field: 'attributes.role', role: 'operator' },
    ]);
    expect(refusal(() => { requireRoleGrants('LessorMSP', requestedRoles({ attributes: { role: 'ingestor' } })); }).message).to.match(/^attributes\.role: /);
  });

  it('refuses in the route before anything reaches the CA', async () => {
    const registered: unknown[] = [];
    const services = { identities: { register: (...args: unknown[]) => { registered.push(args); return Promise.resolve({}); } } } as unknown as Services;
    const route = identityRoutes(services).find((r) => r.operationId === 'registerIdentity')!;
    const caller = { mspId: 'SupplierMSP' } as Caller;
    const call = (body: unknown) => route.handler({ body, caller, params: {}, query: {} } as never);
    const e = await call({ enrollmentId: 'x', apiRole: 'user', role: 'operator', attributes: {}, enroll: true }).then(() => undefined, (err: unknown) => err);
    expect(e).to.be.instanceOf(ApiError);
    expect((e as ApiError).code).to.equal('ACCESS_DENIED');
    expect(registered).to.deep.equal([]);
    await call({ enrollmentId: 'y', apiRole: 'user', role: 'supplier', attributes: {}, enroll: true });
    expect(registered).to.have.length(1);
  });
});
