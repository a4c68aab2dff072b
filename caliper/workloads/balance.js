/** token:Balance (evaluate, no ordering): each participant reads its own DEC balance. */
'use strict';

const { DecWorkload } = require('./participants');

class Balance extends DecWorkload {
  async submitTransaction() {
    const { p } = this.next();
    await this.sutAdapter.sendRequests(this.request(p, 'token:Balance', { account: p.eid, asset: 'DEC' }, true));
  }
}

module.exports.createWorkloadModule = () => new Balance();
