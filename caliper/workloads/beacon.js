/** Baseline: network:Beacon, a blind write of one new key (no reads), by each participant in turn. */
'use strict';

const { DecWorkload } = require('./participants');

class Beacon extends DecWorkload {
  async submitTransaction() {
    const { p, seq } = this.next();
    await this.sutAdapter.sendRequests(this.request(p, 'network:Beacon', { note: `caliper-${seq}` }));
  }
}

module.exports.createWorkloadModule = () => new Beacon();
