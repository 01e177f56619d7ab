'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom } = require('./helpers.js');
const { readComposer, rangeFor } = require('../src/lib/text-model.js');

// Composer DOMs as LinkedIn (Quill), X (Draft.js) and Facebook (Lexical) render them.
const QUILL = `<div class="ql-editor" contenteditable="true" role="textbox">
<p>Projet Colibri lancé</p><p><br></p><p>Appelez le 06 12 34 56 78</p></div>`.replace(/\n/g, '');
const DRAFT = `<div class="public-DraftEditor-content" contenteditable="true" role="textbox"><div data-contents="true">
<div class="" data-block="true" data-editor="e1" data-offset-key="a-0-0"><div data-offset-key="a-0-0" class="public-DraftStyleDefault-block">
<span data-offset-key="a-0-0"><span data-text="true">Projet Colibri lancé</span></span></div></div>
<div class="" data-block="true" data-editor="e1" data-offset-key="b-0-0"><div data-offset-key="b-0-0" class="public-DraftStyleDefault-block">
<span data-offset-key="b-0-0"><br data-text="true"></span></div></div>
<div class="" data-block="true" data-editor="e1" data-offset-key="c-0-0"><div data-offset-key="c-0-0" class="public-DraftStyleDefault-block">
<span data-offset-key="c-0-0"><span data-text="true">Appelez le </span></span><span data-offset-key="c-1-0"><span data-text="true">06 12 34 56 78</span></span></div></div>
</div></div>`.replace(/\n/g, '');
const LEXICAL = `<div contenteditable="true" role="textbox" data-lexical-editor="true">
<p dir="ltr"><span data-lexical-text="true">Projet Colibri lancé</span></p><p><br></p>
<p dir="ltr"><span data-lexical-text="true">Appelez le 06 12 34 56 78</span></p></div>`.replace(/\n/g, '');

const EXPECTED = 'Projet Colibri lancé\n\nAppelez le 06 12 34 56 78';

for (const [name, html] of [['Quill', QUILL], ['Draft.js', DRAFT], ['Lexical', LEXICAL]]) {
  test(`${name}: text joins blocks with newlines and maps spans back to ranges`, () => {
    const window = dom(`<body>${html}</body>`);
    const editor = window.document.querySelector('[contenteditable]');
    const model = readComposer(editor);
    assert.equal(model.text, EXPECTED);
    for (const needle of ['Colibri', '06 12 34 56 78', 'Appelez le 06']) {
      const from = model.text.indexOf(needle);
      const range = rangeFor(model, from, from + needle.length, window.document);
      assert.equal(range.toString(), needle);
    }
  });
}

test('a span across two blocks maps to a range across both', () => {
  const window = dom(`<body>${QUILL}</body>`);
  const model = readComposer(window.document.querySelector('.ql-editor'));
  const from = model.text.indexOf('lancé');
  const to = model.text.indexOf('Appelez') + 'Appelez'.length;
  assert.equal(rangeFor(model, from, to, window.document).toString(), 'lancéAppelez');
});

test('a textarea is read through its value', () => {
  const window = dom('<body><textarea>Colibri\n06 12 34 56 78</textarea></body>');
  const model = readComposer(window.document.querySelector('textarea'));
  assert.equal(model.text, 'Colibri\n06 12 34 56 78');
  assert.equal(model.segments, null);
  assert.equal(rangeFor(model, 0, 3, window.document), null);
});

test('an empty editor with a placeholder <br> reads as empty', () => {
  const window = dom('<body><div contenteditable="true"><p><br></p></div></body>');
  assert.equal(readComposer(window.document.querySelector('div')).text, '');
});

test('line breaks inside a paragraph and script tags', () => {
  const window = dom('<body><div contenteditable="true"><p>a<br>b</p><script>x</script><p>c</p></div></body>');
  assert.equal(readComposer(window.document.querySelector('div')).text, 'a\nb\nc');
});
