'use strict';
// Fills the extension pages' static text from chrome.i18n (which follows the
// browser's language): data-i18n sets the text, data-i18n-placeholder the placeholder.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'i18n', function () {
  function localize(doc, getMessage) {
    for (const node of doc.querySelectorAll('[data-i18n]')) node.textContent = getMessage(node.dataset.i18n) || node.textContent;
    for (const node of doc.querySelectorAll('[data-i18n-placeholder]')) {
      node.placeholder = getMessage(node.dataset.i18nPlaceholder) || node.placeholder;
    }
    const lang = getMessage('@@ui_locale');
    if (lang) doc.documentElement.lang = lang.replace('_', '-');
  }

  return { localize };
});
