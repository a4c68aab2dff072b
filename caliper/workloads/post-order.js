/** market:PostOrder: sell orders from each participant's certified meter into a slot a day ahead. */
'use strict';

const { DecWorkload } = require('./participants');

class PostOrder extends DecWorkload {
  async submitTransaction() {
    const { p } = this.next();
    const n = this.sent;
    const input = {
      eid: p.eid,
      side: 'sell',
      meter: p.meter,
      zone: this.fixture.zone,
      slot: this.fixture.slot,
      quantityWh: String(200 + ((n * 379) % 1800)),
      limitPrice: String(80 + ((n * 13) % 50)),
      latE6: 52000000 + ((n * 7919) % 90000),
      lonE6: 13000000 + ((n * 104729) % 140000),
    };
    await this.sutAdapter.sendRequests(this.request(p, 'market:PostOrder', input));
  }
}

module.exports.createWorkloadModule = () => new PostOrder();
