'use strict';
// The message types the extension's parts exchange are named once, in lib/messages.js.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const messages = require('../src/lib/messages.js');

const SRC = path.join(__dirname, '..', 'src');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : [file];
  });
}

test('every message type is distinct, and cannot be changed at run time', () => {
  const types = Object.values(messages);
  assert.equal(new Set(types).size, types.length);
  assert.ok(Object.isFrozen(messages));
});

test('no other file spells a message type: each sends and receives the named one', () => {
  const own = path.join(SRC, 'lib', 'messages.js');
  for (const file of sourceFiles(SRC).filter((f) => f.endsWith('.js') && f !== own)) {
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /['"`]cg:[a-z]/, path.relative(SRC, file));
  }
});

test('every page and script that sends or receives a message loads lib/messages.js first', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(SRC, '..', 'manifest.json'), 'utf8'));
  const lists = [manifest.background.scripts, ...manifest.content_scripts.map((cs) => cs.js)];
  for (const scripts of lists) assert.equal(scripts[0], 'src/lib/messages.js');
  assert.match(fs.readFileSync(path.join(SRC, 'background.js'), 'utf8'), /importScripts\('lib\/messages\.js'/);
  for (const page of ['popup', 'options', 'onboarding']) {
    const html = fs.readFileSync(path.join(SRC, 'pages', `${page}.html`), 'utf8');
    assert.ok(html.indexOf('../lib/messages.js') >= 0 && html.indexOf('../lib/messages.js') < html.indexOf('status.js'), page);
  }
});
