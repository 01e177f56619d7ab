'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom } = require('./helpers.js');
const { siteFor, composerFor, publishControlFor, composerForControl } = require('../src/lib/sites.js');

test('hosts map to their channel; anything else is internal', () => {
  assert.equal(siteFor('www.linkedin.com').channel, 'linkedin');
  assert.equal(siteFor('x.com').channel, 'x');
  assert.equal(siteFor('mobile.twitter.com').channel, 'x');
  assert.equal(siteFor('web.facebook.com').channel, 'facebook');
  assert.equal(siteFor('intranet.acme.example').channel, 'internal');
  assert.equal(siteFor('notlinkedin.com').channel, 'internal');
});

test('the composer of an event target is its outermost editing host', () => {
  const window = dom(`<body>
    <div class="ql-editor" contenteditable="true"><p><span id="deep">x</span></p></div>
    <div contenteditable="true" id="outer"><div contenteditable="true" id="inner"><b id="b">y</b></div>
      <span contenteditable="false"><i id="chip">@mention</i></span></div>
    <textarea id="ta"></textarea><textarea id="ro" readonly></textarea><input id="search">
    <div id="charterguard-root"><textarea id="ours"></textarea></div></body>`);
  const $ = (s) => window.document.querySelector(s);
  const linkedin = siteFor('www.linkedin.com');
  const internal = siteFor('intranet.example');
  assert.equal(composerFor($('#deep'), linkedin), $('.ql-editor'));
  assert.equal(composerFor($('#b'), internal), $('#outer'));
  assert.equal(composerFor($('#chip'), internal), null);
  assert.equal(composerFor($('#ta'), internal), $('#ta'));
  assert.equal(composerFor($('#ro'), internal), null);
  assert.equal(composerFor($('#search'), internal), null);
  assert.equal(composerFor($('#ours'), internal), null);
});

test('publish controls: known selectors, publish labels (EN/FR), submit buttons of a composer form', () => {
  const window = dom(`<body>
    <div data-testid="tweetButtonInline" role="button"><span id="xspan">Post</span></div>
    <button id="fr"><span>Publier</span></button>
    <button id="other">Add photo</button>
    <form><textarea></textarea><button type="submit" id="submit">Go</button></form>
    <form><input name="q"><button type="submit" id="search">Go</button></form></body>`);
  const $ = (s) => window.document.querySelector(s);
  assert.equal(publishControlFor($('#xspan'), siteFor('x.com')), $('[data-testid="tweetButtonInline"]'));
  assert.equal(publishControlFor($('#fr span'), siteFor('intra.example')), $('#fr'));
  assert.equal(publishControlFor($('#other'), siteFor('intra.example')), null);
  assert.equal(publishControlFor($('#submit'), siteFor('intra.example')), $('#submit'));
  assert.equal(publishControlFor($('#search'), siteFor('intra.example')), null);
});

test('a publish control sends the composer of its own dialog, else the last active one', () => {
  const window = dom(`<body>
    <div id="d1"><div contenteditable="true" id="c1"></div><button id="p1">Post</button></div>
    <div id="d2"><div contenteditable="true" id="c2"></div><div><button id="p2">Post</button></div></div>
    <button id="lonely">Post</button></body>`);
  const $ = (s) => window.document.querySelector(s);
  const composers = [$('#c1'), $('#c2')];
  assert.equal(composerForControl($('#p1'), composers, $('#c2')), $('#c1'));
  assert.equal(composerForControl($('#p2'), composers, $('#c1')), $('#c2'));
  assert.equal(composerForControl($('#lonely'), [$('#c1')], $('#c1')), $('#c1'));
  const removed = $('#c1');
  removed.remove();
  assert.equal(composerForControl($('#lonely'), [removed], removed), null);
});
