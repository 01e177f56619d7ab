'use strict';
// Overlapping findings (issue 19): each keeps its own span and replacement.
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom } = require('./helpers.js');
const { spansFromReport, overlapping, bySeverityThenPosition } = require('../src/lib/findings.js');
const { replaceSpan } = require('../src/lib/apply.js');

const LONG = `${'Après des mois de travail, notre équipe est fière de vous présenter une avancée. '.repeat(3)}Colibri avance. Appelez-moi au 06 12 34 56 78.`;
const at = (needle) => [...LONG.slice(0, LONG.indexOf(needle))].length; // code points, as the API counts
const REPORT = {
  verdict: 'block',
  findings: [
    { rule: 'confidential.codenames', severity: 'block', start: at('Colibri'), end: at('Colibri') + 7, text: 'Colibri', replacement: '[projet interne]', group: 0 },
    { rule: 'channel.budgets', severity: 'warn', start: 200, end: [...LONG].length, text: [...LONG].slice(200).join(''), group: 0 },
    { rule: 'personal_data.contact', severity: 'warn', start: at('06 12'), end: at('06 12') + 14, text: '06 12 34 56 78', replacement: '[contact interne]', group: 0 },
  ],
};

test('each member of an overlapping group keeps its own span', () => {
  const spans = spansFromReport(LONG, REPORT);
  for (const span of spans) assert.equal(LONG.slice(span.from, span.to), span.text);
  assert.deepEqual(spans.map((s) => s.applicable), [true, false, true]);
});

test('the narrowest of two overlapping findings of one severity comes first', () => {
  const spans = spansFromReport(LONG, REPORT).sort(bySeverityThenPosition);
  assert.deepEqual(spans.map((s) => s.rule), ['confidential.codenames', 'channel.budgets', 'personal_data.contact']);
  const wide = { from: 0, to: 10, severityClass: 'warn' };
  const narrow = { from: 0, to: 3, severityClass: 'warn' };
  assert.deepEqual([wide, narrow].sort(bySeverityThenPosition), [narrow, wide]);
});

test('a tooltip over one warning lists every warning that overlaps it', () => {
  const text = "Acme Group, c'est la pire boîte de France";
  const spans = spansFromReport(text, { findings: [
    { rule: 'speaking.disclosure', severity: 'warn', start: 0, end: 10, text: 'Acme Group' },
    { rule: 'tone.disparagement', severity: 'warn', start: 0, end: 31, text: "Acme Group, c'est la pire boîte" },
    { rule: 'other', severity: 'info', start: 35, end: 41, text: 'France' },
  ] });
  assert.deepEqual(overlapping(spans, spans[1]).map((s) => s.rule), ['speaking.disclosure', 'tone.disparagement']);
});

test('applying one member replaces only its own span', () => {
  const window = dom(`<body><textarea>${LONG}</textarea></body>`);
  const field = window.document.querySelector('textarea');
  const [codename, budget] = spansFromReport(LONG, REPORT);
  assert.equal(replaceSpan(field, budget.from, budget.to, budget.replacement), false); // nothing to replace
  assert.equal(field.value, LONG);
  assert.equal(replaceSpan(field, codename.from, codename.to, codename.replacement), true);
  assert.equal(field.value, LONG.replace('Colibri', '[projet interne]'));
});
