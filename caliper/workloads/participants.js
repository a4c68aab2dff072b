/**
 * Shared by the workload modules: the fixture `npm run caliper` wrote (zone,
 * far slot, merchant, participants), and each worker's own share of the
 * participants, taken round-robin so a participant is rarely in flight twice
 * (its own debits would then conflict, as they would for any client).
 */
'use strict';

const { readFileSync } = require('node:fs');
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');

class DecWorkload extends WorkloadModuleBase {
  async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
    await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
    this.fixture = JSON.parse(readFileSync(roundArguments.participantsFile, 'utf8'));
    this.mine = this.fixture.participants.filter((_, i) => i % totalWorkers === workerIndex);
    if (this.mine.length === 0) throw new Error(`worker ${workerIndex} has no participants: raise CALIPER_PARTICIPANTS`);
    this.sent = 0;
  }

  /** The next participant of this worker, and a number unique to this worker's request. */
  next() {
    const seq = this.sent++;
    return { p: this.mine[seq % this.mine.length], seq: `${this.workerIndex}-${this.roundIndex}-${seq}` };
  }

  request(p, fn, input, readOnly = false) {
    return {
      contractId: 'energy',
      channel: 'energy',
      contractFunction: fn,
      contractArguments: [JSON.stringify(input)],
      invokerIdentity: p.identity,
      invokerMspId: p.mspId,
      readOnly,
    };
  }
}

module.exports = { DecWorkload };
