'use strict';
// The browser path of "apply suggestion": where execCommand('insertText') works, the
// browser inserts the text itself (with its own input event) and nothing else is done.
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom } = require('./helpers.js');
const { replaceSpan } = require('../src/lib/apply.js');

/** Gives jsdom an execCommand that behaves as `behaviour` says and records its calls. */
function withExecCommand(window, behaviour) {
  const calls = [];
  window.document.execCommand = (command, showUi, value) => {
    calls.push({ command, showUi, value, selected: window.getSelection().toString() });
    return behaviour(command, showUi, value);
  };
  return calls;
}

test('a textarea is edited by the browser insertion when execCommand works', () => {
  const window = dom('<body><textarea>Projet Colibri lancé</textarea></body>');
  const field = window.document.querySelector('textarea');
  const calls = withExecCommand(window, () => true);
  const inputs = [];
  field.addEventListener('input', () => inputs.push('input'));
  assert.equal(replaceSpan(field, 7, 14, '[projet]'), true);
  assert.deepEqual(calls.map(({ command, showUi, value }) => ({ command, showUi, value })),
    [{ command: 'insertText', showUi: false, value: '[projet]' }]);
  assert.deepEqual([field.selectionStart, field.selectionEnd], [7, 14]); // the span was selected first
  assert.equal(field.value, 'Projet Colibri lancé'); // our stub inserted nothing: no second edit behind it
  assert.deepEqual(inputs, []); // the browser fires its own input event
});

test('a textarea falls back to a direct edit when execCommand refuses or throws', () => {
  for (const behaviour of [() => false, () => { throw new Error('not allowed'); }]) {
    const window = dom('<body><textarea>Projet Colibri lancé</textarea></body>');
    const field = window.document.querySelector('textarea');
    withExecCommand(window, behaviour);
    assert.equal(replaceSpan(field, 7, 14, '[projet]'), true);
    assert.equal(field.value, 'Projet [projet] lancé');
  }
});

test('a contenteditable that lets beforeinput through is edited by execCommand on the selected span', () => {
  const window = dom('<body><div contenteditable="true"><p>Projet Colibri lancé</p></div></body>');
  const editor = window.document.querySelector('div');
  const calls = withExecCommand(window, () => true);
  assert.equal(replaceSpan(editor, 7, 14, '[projet]'), true);
  assert.deepEqual(calls, [{ command: 'insertText', showUi: false, value: '[projet]', selected: 'Colibri' }]);
  assert.equal(editor.textContent, 'Projet Colibri lancé'); // no direct DOM edit on top of the browser's
});

test('the events sent bubble like the browser ones; only beforeinput can be cancelled', () => {
  const window = dom('<body><section><div contenteditable="true"><p>Projet Colibri lancé</p></div></section></body>');
  const editor = window.document.querySelector('div');
  const seen = [];
  window.document.body.addEventListener('beforeinput', (e) => seen.push([e.type, e.cancelable, e.inputType, e.data]));
  window.document.body.addEventListener('input', (e) => seen.push([e.type, e.cancelable, e.inputType, e.data]));
  assert.equal(replaceSpan(editor, 7, 14, 'X'), true);
  assert.deepEqual(seen, [['beforeinput', true, 'insertText', 'X'], ['input', false, 'insertText', 'X']]);
  assert.equal(editor.textContent, 'Projet X lancé');
});
