'use strict';
// Which UTF-16 units start a two-unit character: exactly the high surrogates D800-DBFF.
const test = require('node:test');
const assert = require('node:assert/strict');
const { codePointToUtf16 } = require('../src/lib/offsets.js');

test('the first and last high surrogates each start one code point of two units', () => {
  assert.equal('\u{10000}'.charCodeAt(0), 0xd800);
  assert.equal(codePointToUtf16('\u{10000}x', 1), 2);
  assert.equal('\u{10FFFF}'.charCodeAt(0), 0xdbff);
  assert.equal(codePointToUtf16('\u{10FFFF}x', 1), 2);
});

test('the units around the high surrogates are one code point each', () => {
  assert.equal(codePointToUtf16('\ud7ffx', 1), 1); // last character before the surrogates
  assert.equal(codePointToUtf16('\udc00x', 1), 1); // a lone low surrogate
  assert.equal(codePointToUtf16('\ue000x', 1), 1); // first character after them
});
