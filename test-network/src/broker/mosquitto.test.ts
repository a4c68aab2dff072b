/** The generated Mosquitto configuration and its defaults. */
import { expect } from 'chai';
import path from 'node:path';
import { brokerConfig, meterCaAccessFiles, resolved } from './mosquitto';

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

  it('with the meter CA: one TLS listener, client certificates required and checked against the CRL, CN as username and client ID, ACL, no anonymous access', () => {
    const conf = brokerConfig({ ...resolved({ dir: '/tmp/run/mosquitto', port: 18_884 }), access: meterCaAccessFiles('/tmp/ca') }).split('\n');
    expect(conf).to.include.members([
      'cafile /tmp/ca/ca.crt',
      'certfile /tmp/ca/broker/server.crt',
      'keyfile /tmp/ca/broker/server.key',
      'crlfile /tmp/ca/crl.pem',
      'require_certificate true',
      'use_identity_as_username true',
      'use_username_as_clientid true',
      'allow_anonymous false',
      'acl_file /tmp/ca/acl',
      'message_size_limit 4096',
    ]);
    expect(conf.filter((l) => l.startsWith('listener '))).to.deep.equal(['listener 18884 127.0.0.1']);
    expect(conf).to.not.include('allow_anonymous true');
    // Listener options before the first `listener` line would open an extra default listener on 1883 of every interface.
    const first = conf.findIndex((l) => l.startsWith('listener '));
    expect(conf.findIndex((l) => /^(cafile|require_certificate|allow_anonymous|acl_file) /.test(l))).to.be.greaterThan(first);
  });

  it('defaults to the run folder, port 1883 (or DEC_MQTT_PORT) and 1000 messages in flight', () => {
    const o = resolved({});
    expect(path.basename(o.dir)).to.equal('mosquitto');
    expect(o.port).to.equal(Number(process.env.DEC_MQTT_PORT ?? 1883));
    expect(o).to.include({ host: '127.0.0.1', maxInflight: 1000 });
  });
});
