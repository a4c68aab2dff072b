import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  // The example of the Standard Webhooks specification's reference libraries.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = '{"test": 2432232314}';

  it('signs id.timestamp.body with the base64-decoded key, as the specification\'s example', () => {
    const headers = signWebhook(secret, id, timestamp, body);
    expect(headers).to.deep.equal({ 'webhook-id': id, 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' });
  });

  it('verifies within the tolerance and refuses a changed body, id or timestamp, and a stale message', () => {
    const headers = signWebhook(secret, id, timestamp, body);
    expect(verifyWebhook(secret, headers, body, timestamp + 10)).to.equal(true);
    expect(verifyWebhook(secret, headers, `${body} `, timestamp)).to.equal(false);
    expect(verifyWebhook(secret, { ...headers, 'webhook-id': 'msg_other' }, body, timestamp)).to.equal(false);
    expect(verifyWebhook(secret, { ...headers, 'webhook-timestamp': String(timestamp + 1) }, body, timestamp)).to.equal(false);
    expect(verifyWebhook(secret, headers, body, timestamp + 301)).to.equal(false);
  });

  it('makes random 32-byte secrets, and the key is not the secret\'s text', () => {
    const a = newWebhookSecret();
    expect(a).to.match(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(a).to.not.equal(newWebhookSecret());
    const overText = createHmac('sha256', a).update(`${id}.${timestamp}.${body}`).digest('base64');
    expect(signWebhook(a, id, timestamp, body)['webhook-signature']).to.not.equal(`v1,${overText}`);
  });
});
