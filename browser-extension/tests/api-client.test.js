'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { createApiClient, checkBody } = require('../src/lib/api-client.js');

function fakeFetch(respond) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fetchImpl, calls };
}

const json = (status, body) => ({ ok: status < 400, status, json: async () => body });

test('check posts JSON with the bearer key and returns the report', async () => {
  const { fetchImpl, calls } = fakeFetch(() => json(200, { verdict: 'pass', findings: [] }));
  const client = createApiClient({ baseUrl: 'http://127.0.0.1:8000', apiKey: 'k1', fetchImpl });
  const report = await client.check({ text: 'hello', channel: 'x' });
  assert.equal(report.verdict, 'pass');
  assert.equal(calls[0].url, 'http://127.0.0.1:8000/v1/check');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer k1');
  assert.equal(calls[0].init.credentials, 'omit');
  assert.deepEqual(JSON.parse(calls[0].init.body), { text: 'hello', channel: 'x' });
});

test('no Authorization header without a key', async () => {
  const { fetchImpl, calls } = fakeFetch(() => json(200, { status: 'ok' }));
  await createApiClient({ baseUrl: 'http://a', fetchImpl }).health();
  assert.equal(calls[0].init.headers.Authorization, undefined);
  assert.equal(calls[0].url, 'http://a/healthz');
});

test('API errors keep their code and message; 401/403 read as unauthorized', async () => {
  const client = (status, body) => createApiClient({ baseUrl: 'http://a', fetchImpl: async () => json(status, body) });
  await assert.rejects(client(404, { error: { code: 'unknown_charter', message: 'No charter "x"' } }).check({ text: 't' }),
    { code: 'unknown_charter', message: 'No charter "x"', status: 404 });
  await assert.rejects(client(401, { error: { code: 'missing_key', message: 'key' } }).check({ text: 't' }), { code: 'unauthorized' });
  await assert.rejects(client(500, null).check({ text: 't' }), { code: 'http_error', message: 'HTTP 500' });
});

test('network failures and timeouts are told apart', async () => {
  const down = createApiClient({ baseUrl: 'http://a', fetchImpl: async () => { throw new TypeError('Failed to fetch'); } });
  await assert.rejects(down.check({ text: 't' }), { code: 'unreachable' });
  const hanging = (url, init) => new Promise((resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
  const slow = createApiClient({ baseUrl: 'http://a', fetchImpl: hanging, timeoutMs: 20 });
  await assert.rejects(slow.check({ text: 't' }), { code: 'timeout' });
});

test('charter names are URL-encoded', async () => {
  const { fetchImpl, calls } = fakeFetch(() => json(200, {}));
  await createApiClient({ baseUrl: 'http://a', fetchImpl }).charter('acme group/fr');
  assert.equal(calls[0].url, 'http://a/v1/charters/acme%20group%2Ffr');
});

test('check body carries channel, forced language and charter from the settings', () => {
  assert.deepEqual(checkBody({ language: 'auto', charter: '' }, 'txt', 'linkedin'), { text: 'txt', channel: 'linkedin' });
  assert.deepEqual(checkBody({ language: 'fr', charter: 'acme' }, 'txt', ''), { text: 'txt', lang: 'fr', charter: 'acme' });
});
