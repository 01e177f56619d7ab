'use strict';
// "Publish anyway" lets through the one text the author overrode, never another.
const test = require('node:test');
const assert = require('node:assert/strict');
const { publishDecision } = require('../src/lib/guard.js');

test('an override covers only the exact text it was given for', () => {
  // The author published "Colibri" anyway, then wrote another blocked post in the same composer.
  const state = { checkedText: 'Colibri et Orion', verdict: 'block', offline: false, overriddenText: 'Colibri' };
  assert.equal(publishDecision(state, 'Colibri et Orion'), 'block');
});

test('an override of the same text still lets it through after a re-check', () => {
  const state = { checkedText: 'Colibri', verdict: 'block', offline: false, overriddenText: 'Colibri' };
  assert.equal(publishDecision(state, 'Colibri'), 'allow');
});

test('an empty override does not cover an empty-looking post that is blocked', () => {
  const state = { checkedText: 'Colibri', verdict: 'block', offline: false, overriddenText: '' };
  assert.equal(publishDecision(state, 'Colibri'), 'block');
});

test('a post of spaces only is allowed without a check, whatever the state', () => {
  const state = { checkedText: null, verdict: null, offline: false, overriddenText: null };
  assert.equal(publishDecision(state, ' \n\t'), 'allow');
  assert.equal(publishDecision(state, ' x '), 'recheck');
});
