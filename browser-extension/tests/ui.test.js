'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom, fakeT } = require('./helpers.js');
const { createUi } = require('../src/lib/ui.js');

const SPANS = [
  { rule: 'confidential.codenames', severityClass: 'block', text: 'Colibri', message: 'Code name', clause: '2.1',
    suggestion: 'Do not name it', replacement: '[projet interne]', from: 0, to: 7 },
  { rule: 'pii.phone', severityClass: 'warn', text: '06 12 34 56 78', message: 'Phone <b>number</b>', from: 10, to: 24 },
];

function setup() {
  const window = dom('<body><div contenteditable="true" id="c"></div></body>');
  const ui = createUi(window.document, fakeT);
  const shadow = window.document.getElementById('charterguard-root').shadowRoot;
  return { window, ui, shadow, composer: window.document.getElementById('c') };
}

test('the badge tells the verdict and the count; clicking it opens the panel', () => {
  const { ui, shadow, composer } = setup();
  const badge = shadow.querySelector('.cg-badge');
  ui.showBadge(composer, 'block', 2);
  assert.equal(badge.dataset.state, 'block');
  assert.equal(badge.textContent, '✕ 2');
  assert.equal(badge.title, 'verdictBlock · issuesMany(2) — badgeHint');
  assert.equal(badge.getAttribute('aria-label'), 'CharterGuard: verdictBlock · issuesMany(2) — badgeHint');
  ui.showBadge(composer, 'warn', 1);
  assert.equal(badge.textContent, '⚠ 1');
  assert.match(badge.title, /severity_warn · issuesOne/);
  ui.showBadge(composer, 'offline', 0);
  assert.equal(badge.textContent, 'offline');
  assert.equal(badge.title, 'offlineHint');
  const panel = shadow.querySelector('.cg-panel');
  assert.equal(panel.hidden, true);
  badge.click();
  assert.equal(panel.hidden, false);
  ui.hideBadge();
  assert.equal(badge.hidden, true);
  assert.equal(panel.hidden, true);
});

test('the panel lists message, clause, suggestion and an apply button only when there is a replacement', () => {
  const { ui, shadow } = setup();
  const applied = [];
  ui.renderPanel(SPANS, (span) => applied.push(span.rule));
  const items = shadow.querySelectorAll('li.cg-finding');
  assert.equal(items.length, 2);
  assert.equal(items[0].dataset.rule, 'confidential.codenames');
  assert.equal(items[0].querySelector('.cg-clause').textContent, 'clause(2.1)');
  assert.equal(items[0].querySelector('.cg-suggestion').textContent, 'suggestion(Do not name it)');
  items[0].querySelector('.cg-apply').click();
  assert.deepEqual(applied, ['confidential.codenames']);
  assert.equal(items[1].querySelector('.cg-apply'), null);
  // API text is text, never markup.
  assert.equal(items[1].querySelector('.cg-message').textContent, 'Phone <b>number</b>');
  assert.equal(items[1].querySelector('b'), null);
});

test('the tooltip shows one finding near the pointer', () => {
  const { ui, shadow } = setup();
  ui.showTooltip(SPANS[0], 100, 50, () => {});
  const tip = shadow.querySelector('.cg-tooltip');
  assert.equal(tip.hidden, false);
  assert.equal(tip.dataset.rule, 'confidential.codenames');
  assert.equal(tip.style.top, '68px');
  ui.hideTooltip();
  assert.equal(tip.hidden, true);
});

test('blocked-post dialog: go back', async () => {
  const { ui, shadow } = setup();
  const answer = ui.askAboutBlockedPost(SPANS, true);
  const dialog = shadow.querySelector('.cg-dialog');
  assert.equal(dialog.hidden, false);
  assert.deepEqual([...dialog.querySelectorAll('li')].map((li) => li.dataset.rule), ['confidential.codenames']);
  shadow.querySelector('[data-testid=cg-back]').click();
  assert.deepEqual(await answer, { action: 'back' });
  assert.equal(dialog.hidden, true);
});

test('blocked-post dialog: publish anyway needs a reason', async () => {
  const { window, ui, shadow } = setup();
  const answer = ui.askAboutBlockedPost(SPANS, true);
  shadow.querySelector('[data-testid=cg-publish-anyway]').click();
  const confirm = shadow.querySelector('[data-testid=cg-confirm-anyway]');
  assert.equal(confirm.disabled, true);
  const reason = shadow.querySelector('[data-testid=cg-reason]');
  reason.value = '  announced today ';
  reason.dispatchEvent(new window.Event('input'));
  assert.equal(confirm.disabled, false);
  confirm.click();
  assert.deepEqual(await answer, { action: 'publish', reason: 'announced today' });
});

test('blocked-post dialog shows the API notes (a check that failed closed)', () => {
  const { ui, shadow } = setup();
  ui.askAboutBlockedPost([], false, ['time budget of 2000 ms ran out: the verdict fails closed (block)']);
  assert.deepEqual([...shadow.querySelectorAll('.cg-note')].map((p) => p.textContent),
    ['time budget of 2000 ms ran out: the verdict fails closed (block)']);
});

test('blocked-post dialog without the charter allowing it offers no way around', () => {
  const { ui, shadow } = setup();
  ui.askAboutBlockedPost(SPANS, false);
  assert.equal(shadow.querySelector('[data-testid=cg-publish-anyway]'), null);
  assert.match(shadow.querySelector('.cg-dialog').textContent, /noOverride/);
});

test('events inside our UI do not reach the page', () => {
  const { window, ui } = setup();
  let seen = 0;
  window.document.addEventListener('click', () => { seen += 1; });
  ui.host.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  assert.equal(seen, 0);
});
