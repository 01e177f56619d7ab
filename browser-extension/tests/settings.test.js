'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { DEFAULTS, normalize, normalizeApiUrl, toMatchPattern, apiOriginPattern } = require('../src/lib/settings.js');

test('defaults apply to missing or invalid values', () => {
  assert.deepEqual(normalize({}), { ...DEFAULTS, sites: { ...DEFAULTS.sites }, internalSites: [] });
  const s = normalize({ apiUrl: 'ftp://x', language: 'de', sites: { x: false }, internalSites: 'nope', apiKey: '  k  ' });
  assert.equal(s.apiUrl, 'http://127.0.0.1:8000');
  assert.equal(s.language, 'auto');
  assert.deepEqual(s.sites, { linkedin: true, x: false, facebook: true });
  assert.deepEqual(s.internalSites, []);
  assert.equal(s.apiKey, 'k');
});

test('API URLs lose their trailing slash', () => {
  assert.equal(normalizeApiUrl('http://127.0.0.1:8000/'), 'http://127.0.0.1:8000');
  assert.equal(normalizeApiUrl('https://cg.acme.example/api/'), 'https://cg.acme.example/api');
  assert.equal(normalizeApiUrl('javascript:alert(1)'), null);
  assert.equal(normalizeApiUrl(''), null);
});

test('sites typed by users become match patterns', () => {
  assert.equal(toMatchPattern('intranet.acme.example'), '*://intranet.acme.example/*');
  assert.equal(toMatchPattern('https://Intranet.Acme.example/feed?x=1'), '*://intranet.acme.example/*');
  assert.equal(toMatchPattern('http://127.0.0.1/*'), 'http://127.0.0.1/*');
  assert.equal(toMatchPattern('http://localhost:3000/*'), 'http://localhost/*');
  assert.equal(toMatchPattern('*://*.corp.example/*'), '*://*.corp.example/*');
  assert.equal(toMatchPattern('not a site'), null);
  assert.equal(toMatchPattern(''), null);
});

test('the API origin pattern to request permission for', () => {
  assert.equal(apiOriginPattern('https://cg.acme.example:8443/api'), 'https://cg.acme.example/*');
});
