/** Sign-in with an API key issued by the gateway (an org admin registers the user and hands out the key). */
import { Api, ApiFailure } from '../api/client';
import type { Capabilities } from '../model/capabilities';
import { storeKey } from '../session';
import { h } from '../ui/dom';

export function signinView(caps: Capabilities, onSignedIn: () => void, message?: string): HTMLElement {
  const input = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', placeholder: 'dec_…', 'data-test': 'api-key', required: true, size: 70 });
  const status = h('p', { class: 'muted', 'data-test': 'signin-status' }, message ?? '');
  const form = h(
    'form',
    { class: 'signin', 'data-test': 'signin' },
    h('h1', null, 'DEC Network explorer'),
    h('p', null, 'Sign in with your gateway API key. You see what your organisation may see: its channels, and the ledger itself if you are a regulator or an API admin.'),
    h('label', null, 'API key ', input),
    h('button', { type: 'submit', 'data-test': 'signin-submit' }, 'Sign in'),
    status,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const key = input.value.trim();
    status.textContent = 'Checking…';
    new Api(key, caps)
      .me()
      .then(() => {
        storeKey(key);
        onSignedIn();
      })
      .catch((e: unknown) => {
        status.textContent = e instanceof ApiFailure ? `${e.code}: ${e.message}` : String(e);
      });
  });
  return form;
}
