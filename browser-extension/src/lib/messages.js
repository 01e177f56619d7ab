'use strict';
// The messages the extension's parts send each other (runtime and tab messaging):
// each type named once, read by the content script, the pages and the service worker.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'messages', function () {
  return Object.freeze({
    CHECK: 'cg:check', // content script, popup -> service worker: check a draft ({text, channel})
    OVERRIDE: 'cg:override', // content script -> service worker: publish despite a block, with a reason
    DISMISS: 'cg:dismiss', // content script -> service worker: a finding set aside, with a reason
    BADGE: 'cg:badge', // content script -> service worker: the page's verdict changed without a check
    STATUS: 'cg:status', // pages -> service worker: does the API answer, and take our key?
    SITE: 'cg:site', // popup -> content script: the site of this tab, and whether checking is paused
  });
});
