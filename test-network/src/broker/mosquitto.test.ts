/** The generated Mosquitto configuration and its defaults. */
import { expect } from 'chai';
import path from 'node:path';
import { brokerConfig, resolved } from './mosquitto';

describe('Mosquitto broker config', () => {
  it('listens on the given loopback port with persistence, logs and the in-flight window in the run folder', () => {
    const conf = brokerConfig({ dir: '/tmp/run/mosquitto', port: 18_883, host: '127.0.0.1', maxInflight: 500 }).split('\n');
    expect(conf).to.include.members([
      'listener 18883 127.0.0.1',
      'persistence true',
      'persistence_location /tmp/run/mosquitto/data/',
      'max_inflight_messages 500',
      'log_dest file /tmp/run/mosquitto/mosquitto.log',
    ]);
  });

  it('defaults to the run folder, port 1883 (or DEC_MQTT_PORT) and 1000 messages in flight', () => {
    const o = resolved({});
    expect(path.basename(o.dir)).to.equal('mosquitto');
    expect(o.port).to.equal(Number(process.env.DEC_MQTT_PORT ?? 1883));
    expect(o).to.include({ host: '127.0.0.1', maxInflight: 1000 });
  });
});
