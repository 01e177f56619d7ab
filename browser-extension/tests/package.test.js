'use strict';
// The extension as shipped: manifest, pinned id, locales, files it names.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('manifest.json'));
const locales = { en: JSON.parse(read('_locales/en/messages.json')), fr: JSON.parse(read('_locales/fr/messages.json')) };

function sourceFiles(dir) {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(rel) : [rel];
  });
}

test('the manifest key pins the id written in EXTENSION_ID', () => {
  const digest = crypto.createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex');
  const id = [...digest.slice(0, 32)].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
  assert.equal(id, read('EXTENSION_ID').trim());
});

test('every file the manifest names exists', () => {
  const files = [
    manifest.background.service_worker, ...manifest.background.scripts, manifest.action.default_popup, manifest.options_ui.page,
    ...manifest.content_scripts.flatMap((cs) => [...cs.js, ...cs.css]),
  ];
  for (const file of files) assert.ok(fs.existsSync(path.join(ROOT, file)), file);
});

test('the service worker reaches the API on loopback, any port', () => {
  assert.ok(manifest.host_permissions.includes('http://127.0.0.1/*'));
  assert.ok(manifest.host_permissions.includes('http://localhost/*'));
});

test('French and English have the same messages and placeholders', () => {
  assert.deepEqual(Object.keys(locales.fr).sort(), Object.keys(locales.en).sort());
  for (const [key, entry] of Object.entries(locales.en)) {
    assert.deepEqual(Object.keys(locales.fr[key].placeholders || {}), Object.keys(entry.placeholders || {}), key);
  }
});

test('every message the code asks for exists, and none is unused', () => {
  const code = sourceFiles('src').filter((f) => /\.(js|html)$/.test(f)).map(read).join('\n') + read('manifest.json');
  const used = new Set();
  for (const match of code.matchAll(/\bt\('([A-Za-z_]+)'|data-i18n(?:-placeholder)?="([A-Za-z_]+)"|__MSG_([A-Za-z_]+)__/g)) {
    used.add(match[1] || match[2] || match[3]);
  }
  // severity_* keys are built from the finding's severity.
  ['severity_block', 'severity_warn', 'severity_info'].forEach((key) => used.add(key));
  for (const key of used) assert.ok(locales.en[key], `missing message ${key}`);
  for (const key of Object.keys(locales.en)) assert.ok(used.has(key), `unused message ${key}`);
});

test('no draft text is ever logged', () => {
  for (const file of sourceFiles('src').filter((f) => f.endsWith('.js'))) {
    assert.doesNotMatch(read(file), /console\.(log|info|debug|warn|error)/, file);
  }
});
