'use strict';
// Shared jsdom setup for the unit tests.
const { JSDOM } = require('jsdom');

function dom(html = '<!doctype html><body></body>') {
  const { window } = new JSDOM(html, { pretendToBeVisual: true });
  return window;
}

/** Messages as chrome.i18n would give them, in a readable test form: "key(arg1,arg2)". */
function fakeT(key, subs) {
  return subs && subs.length ? `${key}(${subs.join(',')})` : key;
}

module.exports = { dom, fakeT };
