'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { dom } = require('./helpers.js');
const { siteFor, composerFor, publishControlFor, composerForControl, fieldsIn, fieldLabel, formScopeOf } = require('../src/lib/sites.js');

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

test('in a profile or post form, one-line text inputs are fields too; search boxes and passwords are not', () => {
  const window = dom(`<body>
    <div role="dialog" id="profile">
      <label for="title">Title</label><input id="title" type="text">
      <input id="headline" aria-label="Headline"><input id="pw" type="password"><input id="mail" type="email">
      <input id="city" role="combobox"><textarea id="desc" placeholder="Description"></textarea>
      <button type="button" id="save">Save</button></div>
    <form id="search-form"><input id="q"><button type="submit" id="go">Go</button></form>
    <form id="comment"><input id="subject"><textarea id="body"></textarea><button type="submit" id="send">OK</button></form></body>`);
  const $ = (s) => window.document.querySelector(s);
  const internal = siteFor('intranet.example');
  assert.equal(composerFor($('#title'), internal), $('#title'));
  assert.equal(composerFor($('#headline'), internal), $('#headline'));
  for (const id of ['#pw', '#mail', '#city', '#q']) assert.equal(composerFor($(id), internal), null, id);
  assert.equal(composerFor($('#subject'), internal), $('#subject')); // next to a multi-line field
  assert.deepEqual(fieldsIn(formScopeOf($('#save')), internal).map((f) => f.id), ['title', 'headline', 'desc']);
  assert.deepEqual([fieldLabel($('#title')), fieldLabel($('#headline')), fieldLabel($('#desc'))], ['Title', 'Headline', 'Description']);
  // A "Save" of type=button publishes its form; "Go" of a search box does not.
  assert.equal(publishControlFor($('#save'), internal), $('#save'));
  assert.equal(publishControlFor($('#go'), internal), null);
  assert.equal(publishControlFor($('#send'), internal), $('#send'));
});

test('a "Save" outside any form with text fields is not a publish control', () => {
  const window = dom('<body><div><button id="save-job">Save</button></div><div contenteditable="true"></div></body>');
  assert.equal(publishControlFor(window.document.getElementById('save-job'), siteFor('www.linkedin.com')), null);
});
