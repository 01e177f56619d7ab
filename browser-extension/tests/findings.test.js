'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { spansFromReport, reanchor, bySeverityThenPosition } = require('../src/lib/findings.js');

const TEXT = '🎉 Colibri arrive ! Appelez le 06 12 34 56 78';
const REPORT = {
  verdict: 'block',
  findings: [
    { rule: 'pii.phone', severity: 'warn', start: 30, end: 44, text: '06 12 34 56 78' },
    { rule: 'confidential.codenames', severity: 'block', start: 2, end: 9, text: 'Colibri' },
    { rule: 'tone.x', severity: 'odd', start: 10, end: 16, text: 'arrive' },
  ],
};

test('spans use UTF-16 offsets over the checked text', () => {
  const spans = spansFromReport(TEXT, REPORT);
  for (const span of spans) assert.equal(TEXT.slice(span.from, span.to), span.text);
  assert.deepEqual(spans.map((s) => s.severityClass), ['warn', 'block', 'info']);
});

test('a report without findings gives no span', () => {
  assert.deepEqual(spansFromReport('ok', { verdict: 'pass', findings: [] }), []);
});

test('spans follow text typed before them and drop when edited away', () => {
  const spans = spansFromReport(TEXT, REPORT);
  const typed = `Hello! ${TEXT}`;
  const moved = reanchor(spans, TEXT, typed);
  assert.equal(moved.length, 3);
  for (const span of moved) assert.equal(typed.slice(span.from, span.to), span.text);
  const edited = TEXT.replace('Colibri', 'notre projet');
  assert.deepEqual(reanchor(spans, TEXT, edited).map((s) => s.rule), ['pii.phone', 'tone.x']);
});

test('re-anchoring picks the occurrence nearest the old place', () => {
  const text = 'Colibri, Colibri';
  const [span] = reanchor([{ from: 9, to: 16, rule: 'r', severityClass: 'block' }], text, `x${text}`);
  assert.equal(span.from, 10);
});

test('sorting puts blocking findings first', () => {
  const spans = spansFromReport(TEXT, REPORT);
  assert.deepEqual(spans.sort(bySeverityThenPosition).map((s) => s.rule), ['confidential.codenames', 'pii.phone', 'tone.x']);
});
