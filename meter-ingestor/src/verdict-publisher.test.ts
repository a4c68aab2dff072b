/** Verdicts go out before the readings are acknowledged; a lost connection is not an error. */
import { expect } from 'chai';
import { VerdictPublisher, type VerdictSink } from './verdict-publisher';
import type { Verdict } from './protocol';

const METER = `eid:d:${'ab'.repeat(16)}`;
const v = (seq: number): Verdict => ({ meter: METER, seq, verdict: 'accepted', txId: 't' });

describe('VerdictPublisher', () => {
  it('publishes every verdict on its meter topic, and only then acknowledges the deliveries', async () => {
    const events: string[] = [];
    const sink: VerdictSink = {
      publish: async (topic, payload) => {
        await new Promise((r) => setTimeout(r, 5));
        events.push(`publish ${topic} ${(JSON.parse(payload) as Verdict).seq ?? ''}`);
      },
    };
    await new VerdictPublisher(() => sink).answer([v(1), v(2)], [{ ack: () => events.push('ack 1') }, { ack: () => events.push('ack 2') }]);
    expect(events).to.deep.equal([`publish dec/meters/${METER}/verdicts 1`, `publish dec/meters/${METER}/verdicts 2`, 'ack 1', 'ack 2']);
  });

  it('swallows a publish on a connection that went away, and on none at all', async () => {
    const failing: VerdictSink = { publish: () => Promise.reject(new Error('MQTT connection closed')) };
    let acked = 0;
    await new VerdictPublisher(() => failing).answer([v(1)], [{ ack: () => acked++ }]);
    await new VerdictPublisher(() => undefined).publish(v(1));
    expect(acked).to.equal(1);
  });
});
