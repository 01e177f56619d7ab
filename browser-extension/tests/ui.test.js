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
  assert.equal(badge.tagName, 'BUTTON'); // focusable, activated with Enter or Space
  assert.equal(shadow.querySelector('[data-testid=cg-live]').textContent, 'CharterGuard: verdictBlock · issuesMany(2)');
  assert.equal(badge.dataset.state, 'block');
  assert.equal(badge.textContent, '✕ 2');
  assert.equal(badge.title, 'verdictBlock · issuesMany(2) — badgeHint');
  assert.equal(badge.getAttribute('aria-label'), 'CharterGuard: verdictBlock · issuesMany(2) — badgeHint');
  ui.showBadge(composer, 'warn', 1);
  assert.equal(badge.textContent, '⚠ 1');
  assert.match(badge.title, /severity_warn · issuesOne/);
  ui.showBadge(composer, 'offline', 0);
  // API trouble: a one-character mark; the words are for screen readers.
  assert.equal(badge.textContent, '⏻offline');
  assert.equal(badge.querySelector('.cg-sr').textContent, 'offline');
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

test('the card is anchored under the word, or above it when below would hide another finding', () => {
  const { ui, shadow } = setup();
  const word = { left: 100, right: 160, top: 50, bottom: 70 };
  ui.showTooltip(SPANS[0], word, { apply: () => {} });
  const tip = shadow.querySelector('.cg-tooltip');
  assert.equal(tip.hidden, false);
  assert.equal(tip.dataset.rule, 'confidential.codenames');
  assert.equal(tip.style.top, '76px'); // 6 px under the word, not under the pointer
  assert.equal(tip.style.left, '100px');
  const nextLine = { left: 110, right: 200, top: 90, bottom: 110 };
  ui.showTooltip(SPANS[1], { left: 100, right: 160, top: 400, bottom: 420 }, {}, [{ ...nextLine, top: 430, bottom: 450 }]);
  assert.ok(parseFloat(tip.style.top) < 400, 'placed above the word');
  ui.hideTooltip();
  assert.equal(tip.hidden, true);
});

test('a card offers to set a finding aside only when allowed', () => {
  const { ui, shadow } = setup();
  const dismissed = [];
  const actions = { dismiss: (span, reason) => dismissed.push([span.rule, reason]), canDismiss: (span) => span.severityClass !== 'block' };
  ui.showTooltip(SPANS[0], { left: 0, right: 10, top: 0, bottom: 10 }, actions);
  assert.equal(shadow.querySelector('[data-testid=cg-ignore]'), null);
  ui.showTooltip(SPANS[1], { left: 0, right: 10, top: 0, bottom: 10 }, actions);
  shadow.querySelector('[data-testid=cg-not-applicable]').click();
  shadow.querySelector('[data-testid=cg-ignore]').click();
  assert.deepEqual(dismissed, [['pii.phone', 'not_applicable'], ['pii.phone', 'ignored']]);
});

test('blocked-post dialog: go back', async () => {
  const { ui, shadow } = setup();
  const answer = ui.askAboutBlockedPost(SPANS, true);
  const dialog = shadow.querySelector('.cg-dialog');
  assert.equal(dialog.hidden, false);
  // Every finding, grouped by severity, not only the blocking ones.
  assert.deepEqual([...dialog.querySelectorAll('section')].map((s) => s.dataset.severity), ['block', 'warn']);
  assert.deepEqual([...dialog.querySelectorAll('li')].map((li) => li.dataset.rule), ['confidential.codenames', 'pii.phone']);
  shadow.querySelector('[data-testid=cg-back]').click();
  assert.deepEqual(await answer, { action: 'back' });
  assert.equal(dialog.hidden, true);
});

test('blocked-post dialog: Escape goes back', async () => {
  const { window, ui, shadow } = setup();
  const answer = ui.askAboutBlockedPost(SPANS, true);
  shadow.querySelector('[data-testid=cg-back]').dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  assert.deepEqual(await answer, { action: 'back' });
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
