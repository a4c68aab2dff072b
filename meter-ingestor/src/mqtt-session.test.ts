/**
 * The ingestor's MQTT connection against a scripted broker in this process
 * (mqtt-packet on a loopback socket): acknowledgements on the delivering
 * connection only, redeliveries in CONNACK's chunk, QoS 1 publish, refused
 * connections, and the PINGRESP timeout. Behaviour against a real Mosquitto
 * is covered by e2e/src/metering.
 */
import { expect } from 'chai';
import type { Packet } from 'mqtt-packet';
import { MqttSession, type Delivery } from './mqtt-session';
import { ScriptedBroker, waitFor } from './testing/scripted-broker';

const publish = (messageId: number, payload: string): Packet => ({ cmd: 'publish', topic: 't/1', payload, qos: 1, messageId, dup: true, retain: false });

describe('MqttSession (ingestor connection on mqtt-packet)', () => {
  let broker: ScriptedBroker | undefined;
  afterEach(async () => {
    await broker?.close();
  });

  it('delivers redeliveries sent in the CONNACK chunk, and acknowledges each on its connection when asked', async () => {
    broker = new ScriptedBroker((p, reply) => {
      if (p.cmd === 'connect') reply({ cmd: 'connack', returnCode: 0, sessionPresent: true }, publish(7, 'a'), publish(8, 'b'));
      if (p.cmd === 'subscribe') reply({ cmd: 'suback', messageId: p.messageId, granted: [1] });
      if (p.cmd === 'publish') reply({ cmd: 'puback', messageId: p.messageId });
    });
    const url = await broker.listen();
    const deliveries: Delivery[] = [];
    const { session, sessionPresent } = await MqttSession.open({ url, clientId: 'ingestor', clean: false }, { onMessage: (d) => deliveries.push(d), onClose: () => undefined });
    expect(sessionPresent).to.equal(true);
    await session.subscribe('dec/meters/+/readings');
    await session.publish('v/1', 'verdict');
    expect(deliveries.map((d) => d.payload.toString())).to.deep.equal(['a', 'b']);
    expect(deliveries[0]?.via).to.equal(session);
    deliveries[1]?.ack();
    await waitFor(() => broker!.cmds().includes('puback 8'));
    expect(broker.cmds()).to.deep.equal(['connect', 'subscribe', 'publish', 'puback 8']);
    expect(broker.received[0]).to.include({ clientId: 'ingestor', clean: false });
    await session.end();
    expect(broker.cmds().at(-1)).to.equal('disconnect');
  });

  it('acknowledges nothing once the delivering connection is gone, and says it closed', async () => {
    broker = new ScriptedBroker((p, reply) => {
      if (p.cmd === 'connect') reply({ cmd: 'connack', returnCode: 0, sessionPresent: false }, publish(3, 'x'));
    });
    const url = await broker.listen();
    let delivery: Delivery | undefined;
    let closed = 0;
    const { session } = await MqttSession.open({ url, clientId: 'i', clean: false }, { onMessage: (d) => (delivery = d), onClose: () => closed++ });
    await waitFor(() => delivery !== undefined);
    broker.dropConnections();
    await waitFor(() => closed === 1);
    expect(session.connected).to.equal(false);
    delivery?.ack();
    await new Promise((r) => setTimeout(r, 50));
    expect(broker.cmds()).to.deep.equal(['connect']);
    await session.publish('v', 'x').then(
      () => expect.fail('publish on a closed connection'),
      (e: unknown) => expect((e as Error).message).to.equal('MQTT connection closed'),
    );
  });

  it('fails to open when the broker refuses the connection, naming why', async () => {
    broker = new ScriptedBroker((p, reply) => {
      if (p.cmd === 'connect') reply({ cmd: 'connack', returnCode: 5, sessionPresent: false });
    });
    const url = await broker.listen();
    let closed = 0;
    await MqttSession.open({ url, clientId: 'i', clean: true }, { onMessage: () => undefined, onClose: () => closed++ }).then(
      () => expect.fail('opened'),
      (e: unknown) => expect((e as Error).message).to.equal('broker refused the connection: not authorized'),
    );
    expect(closed).to.equal(0);
  });

  it('closes a connection whose broker stops answering PINGREQ', async function () {
    this.timeout(5000);
    broker = new ScriptedBroker((p, reply) => {
      if (p.cmd === 'connect') reply({ cmd: 'connack', returnCode: 0, sessionPresent: false });
    });
    const url = await broker.listen();
    let closed = 0;
    await MqttSession.open({ url, clientId: 'i', clean: true, keepaliveSeconds: 1 }, { onMessage: () => undefined, onClose: () => closed++ });
    await waitFor(() => broker!.cmds().includes('pingreq'));
    await new Promise((r) => setTimeout(r, 1300));
    expect(closed).to.equal(1);
  });
});
