/** token:Transfer of 1 unit of DEC from each participant in turn into one merchant account. */
'use strict';

const { DecWorkload } = require('./participants');

class Transfer extends DecWorkload {
  async submitTransaction() {
    const { p, seq } = this.next();
    const input = { from: p.eid, to: this.fixture.merchant, asset: 'DEC', amount: '1', memo: `caliper-${seq}` };
    await this.sutAdapter.sendRequests(this.request(p, 'token:Transfer', input));
  }
}

module.exports.createWorkloadModule = () => new Transfer();
