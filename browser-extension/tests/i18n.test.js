'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom } = require('./helpers.js');
const { localize } = require('../src/lib/i18n.js');

test('pages get their text, placeholders and lang from the messages', () => {
  const window = dom('<body><h1 data-i18n="title">Title</h1><textarea data-i18n-placeholder="hint"></textarea><p data-i18n="missing">Kept</p></body>');
  const messages = { title: 'Vérifier', hint: 'Collez ici', '@@ui_locale': 'fr_FR' };
  localize(window.document, (key) => messages[key] || '');
  assert.equal(window.document.querySelector('h1').textContent, 'Vérifier');
  assert.equal(window.document.querySelector('textarea').placeholder, 'Collez ici');
  assert.equal(window.document.querySelector('p').textContent, 'Kept');
  assert.equal(window.document.documentElement.lang, 'fr-FR');
});
