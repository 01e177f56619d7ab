'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom } = require('./helpers.js');
const { readComposer } = require('../src/lib/text-model.js');
const { createHighlighter, supported } = require('../src/lib/highlighter.js');

// jsdom has no CSS Custom Highlight API: a minimal registry stands in for it.
function withHighlights(window) {
  window.Highlight = class extends Set {
    constructor(...ranges) { super(ranges); }
  };
  window.CSS = { highlights: new Map() };
  return window;
}

const span = (from, to, severityClass) => ({ from, to, severityClass, rule: severityClass });

test('ranges are registered by severity and the editor DOM is left alone', () => {
  const window = withHighlights(dom('<body><div contenteditable="true"><p>Projet Colibri, tel 0612345678</p></div><div id="layer"></div></body>'));
  const editor = window.document.querySelector('[contenteditable]');
  const before = editor.innerHTML;
  const hl = createHighlighter(window, window.document.getElementById('layer'));
  hl.show(editor, readComposer(editor), [span(7, 14, 'block'), span(20, 30, 'warn')]);
  assert.deepEqual([...window.CSS.highlights.get('charterguard-block')].map(String), ['Colibri']);
  assert.deepEqual([...window.CSS.highlights.get('charterguard-warn')].map(String), ['0612345678']);
  assert.equal(window.CSS.highlights.has('charterguard-info'), false);
  assert.equal(editor.innerHTML, before);
  hl.clear(editor);
  assert.equal(window.CSS.highlights.size, 0);
});

test('a textarea is highlighted on a mirror of its text, removed with it', () => {
  const window = withHighlights(dom('<body><textarea>Projet Colibri</textarea><div id="layer"></div></body>'));
  const field = window.document.querySelector('textarea');
  const layer = window.document.getElementById('layer');
  const hl = createHighlighter(window, layer);
  hl.show(field, readComposer(field), [span(7, 14, 'block')]);
  assert.equal(layer.querySelector('.cg-mirror').textContent, 'Projet Colibri\n');
  assert.deepEqual([...window.CSS.highlights.get('charterguard-block')].map(String), ['Colibri']);
  field.remove();
  hl.reposition();
  assert.equal(layer.querySelector('.cg-mirror'), null);
  assert.equal(window.CSS.highlights.size, 0);
});

test('without the Highlight API nothing breaks', () => {
  const window = dom('<body><div contenteditable="true">Colibri</div><div id="layer"></div></body>');
  assert.equal(supported(window), false);
  const editor = window.document.querySelector('[contenteditable]');
  const hl = createHighlighter(window, window.document.getElementById('layer'));
  assert.doesNotThrow(() => hl.show(editor, readComposer(editor), [span(0, 7, 'block')]));
  assert.equal(window.CSS, undefined);
});
