'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { codePointToUtf16, findingSpan } = require('../src/lib/offsets.js');

// Python-side offsets: what the API computes with len()/slicing on str.
const pyIndex = (text, needle) => [...text.slice(0, text.indexOf(needle))].length;

test('ASCII offsets are the same in both units', () => {
  assert.equal(codePointToUtf16('hello', 3), 3);
});

test('an emoji before a span shifts UTF-16 offsets by one', () => {
  const text = '🚀 Colibri ships';
  const span = findingSpan(text, { start: 2, end: 9 }); // Python: text[2:9] == "Colibri"
  assert.equal(text.slice(span.start, span.end), 'Colibri');
});

test('several astral characters, ZWJ sequences and accents', () => {
  const text = 'Été 👩‍💻👍 appelez 06 12 34 56 78';
  const start = pyIndex(text, '06');
  const span = findingSpan(text, { start, end: start + 14 });
  assert.equal(text.slice(span.start, span.end), '06 12 34 56 78');
});

test('offsets past the end are clamped', () => {
  assert.equal(codePointToUtf16('ab', 10), 2);
});

test('a lone high surrogate at the end counts as one unit', () => {
  assert.equal(codePointToUtf16('a\ud83d', 2), 2);
});
