'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { publishDecision, blockingRules } = require('../src/lib/guard.js');

const blocked = { checkedText: 'Colibri', verdict: 'block', offline: false, overriddenText: null };

test('a post judged block for exactly this text is stopped', () => {
  assert.equal(publishDecision(blocked, 'Colibri'), 'block');
});

test('warn and pass verdicts never stop publishing', () => {
  assert.equal(publishDecision({ ...blocked, verdict: 'warn' }, 'Colibri'), 'allow');
  assert.equal(publishDecision({ ...blocked, verdict: 'pass' }, 'Colibri'), 'allow');
});

test('an API that is down never stops publishing', () => {
  assert.equal(publishDecision({ ...blocked, offline: true, checkedText: null }, 'Colibri'), 'allow');
});

test('a verdict for another text asks for a fresh check first', () => {
  assert.equal(publishDecision(blocked, 'Colibri!'), 'recheck');
  assert.equal(publishDecision({ ...blocked, checkedText: null, verdict: null }, 'new'), 'recheck');
});

test('an empty post or one published anyway goes through', () => {
  assert.equal(publishDecision(blocked, '  '), 'allow');
  assert.equal(publishDecision({ ...blocked, overriddenText: 'Colibri' }, 'Colibri'), 'allow');
});

test('the overridden rules are the blocking ones, once each', () => {
  const spans = [
    { rule: 'confidential.codenames', severityClass: 'block' },
    { rule: 'confidential.codenames', severityClass: 'block' },
    { rule: 'pii.phone', severityClass: 'warn' },
  ];
  assert.deepEqual(blockingRules(spans), ['confidential.codenames']);
});
