import { expect } from 'chai';
import { documentedRoutes } from '../routes/all';
import { expressRouteChecks } from './document';
import { INEXPRESSIBLE_CHECKS } from './inexpressible';

describe('OpenAPI: checks the document does not state', () => {
  it('are only the inexpressible ones (README): every other refinement is stated as a pattern or enum', () => {
    const messages = [...new Set(expressRouteChecks(documentedRoutes()).map((g) => g.message))].sort();
    expect(messages.filter((m) => !INEXPRESSIBLE_CHECKS.includes(m)), 'a refinement without a pattern: state it (statedPattern/statedEnum)').to.deep.equal([]);
  });
});
