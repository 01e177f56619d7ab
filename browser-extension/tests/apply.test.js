'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom } = require('./helpers.js');
const { replaceSpan } = require('../src/lib/apply.js');

// jsdom has no execCommand: these tests cover the paths taken when it fails.

test('a textarea gets the replacement and an input event', () => {
  const window = dom('<body><textarea>Projet Colibri lancé</textarea></body>');
  const field = window.document.querySelector('textarea');
  const events = [];
  field.addEventListener('input', (e) => events.push(e.inputType));
  assert.equal(replaceSpan(field, 7, 14, '[projet interne]'), true);
  assert.equal(field.value, 'Projet [projet interne] lancé');
  assert.deepEqual(events, ['insertText']);
});

test('a model editor that handles beforeinput applies the edit itself', () => {
  const window = dom('<body><div contenteditable="true"><p>Projet Colibri lancé</p></div></body>');
  const editor = window.document.querySelector('div');
  let seen = null;
  editor.addEventListener('beforeinput', (event) => {
    seen = { data: event.data, selected: window.getSelection().toString() };
    event.preventDefault();
  });
  assert.equal(replaceSpan(editor, 7, 14, 'X'), true);
  assert.deepEqual(seen, { data: 'X', selected: 'Colibri' });
  assert.equal(editor.textContent, 'Projet Colibri lancé'); // the editor owns the change
});

test('a contenteditable that ignores beforeinput is edited as a last resort', () => {
  const window = dom('<body><div contenteditable="true"><p>Projet <b>Colibri</b> lancé</p></div></body>');
  const editor = window.document.querySelector('div');
  const inputs = [];
  editor.addEventListener('input', (e) => inputs.push(e.data));
  assert.equal(replaceSpan(editor, 7, 14, '[projet interne]'), true);
  assert.equal(editor.textContent, 'Projet [projet interne] lancé');
  assert.deepEqual(inputs, ['[projet interne]']);
});

test('a span outside the text is not applied', () => {
  const window = dom('<body><div contenteditable="true"></div></body>');
  assert.equal(replaceSpan(window.document.querySelector('div'), 0, 3, 'x'), false);
});
