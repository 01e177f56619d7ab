'use strict';
// Knows the social networks: which host is which channel, what their post
// composer and publish button look like. Everything else (an internal
// network the user enabled) gets generic rules and the "internal" channel.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'sites', function () {
  const KNOWN_SITES = [
    {
      id: 'linkedin',
      hosts: /(^|\.)linkedin\.com$/,
      // LinkedIn's share box is a Quill editor.
      composers: ['.ql-editor[contenteditable="true"]'],
      publish: ['button.share-actions__primary-action', '.share-box_actions button.artdeco-button--primary'],
    },
    {
      id: 'x',
      hosts: /(^|\.)(x|twitter)\.com$/,
      // X's composer is a Draft.js editor.
      composers: ['.public-DraftEditor-content[contenteditable="true"]', '[data-testid^="tweetTextarea_"][contenteditable="true"]'],
      publish: ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'],
    },
    {
      id: 'facebook',
      hosts: /(^|\.)facebook\.com$/,
      // Facebook's composer is a Lexical editor.
      composers: ['[data-lexical-editor="true"][contenteditable="true"]'],
      publish: ['[role="button"][aria-label="Post"]', '[role="button"][aria-label="Publier"]'],
    },
  ];

  const EDITING_HOST = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
  const ANY_COMPOSER = `textarea, ${EDITING_HOST}`;
  // Labels of a publish control on sites we do not know (EN + FR).
  const PUBLISH_LABEL = /^\s*(post|publish|publier|poster|tweet|share|partager|send|envoyer|reply|répondre)\s*$/i;
  const CONTROL_SELECTOR = 'button, [role="button"], input[type="submit"]';

  /** The known site for a hostname, or the generic "internal" site. */
  function siteFor(hostname) {
    const known = KNOWN_SITES.find((site) => site.hosts.test(hostname));
    if (known) return { ...known, channel: known.id };
    return { id: 'internal', channel: 'internal', composers: [], publish: [] };
  }

  function isOwnUi(el) {
    return Boolean(el.closest && el.closest('#charterguard-root'));
  }

  /** The composer an event target belongs to: the outermost editing host, or a textarea. */
  function composerFor(target, site) {
    if (!target || target.nodeType !== 1 || isOwnUi(target)) return null;
    if (target.tagName === 'TEXTAREA') return target.readOnly || target.disabled ? null : target;
    for (const selector of site.composers) {
      const hit = target.closest(selector);
      if (hit) return hit;
    }
    let host = null;
    for (let el = target; el && el.nodeType === 1; el = el.parentElement) {
      if (el.matches(EDITING_HOST)) host = el;
      else if (el.getAttribute('contenteditable') === 'false') break;
    }
    return host;
  }

  function labelOf(control) {
    if (control.tagName === 'INPUT') return control.value || '';
    return control.getAttribute('aria-label') || control.textContent || '';
  }

  /** The publish control an event target is part of, or null. */
  function publishControlFor(target, site) {
    if (!target || target.nodeType !== 1 || isOwnUi(target)) return null;
    for (const selector of site.publish) {
      const hit = target.closest(selector);
      if (hit) return hit;
    }
    const control = target.closest(CONTROL_SELECTOR);
    if (!control) return null;
    if (PUBLISH_LABEL.test(labelOf(control))) return control;
    const isSubmit = control.type === 'submit' && control.form;
    return isSubmit && control.form.querySelector(ANY_COMPOSER) ? control : null;
  }

  /**
   * Which tracked composer a publish control sends: the nearest one sharing
   * an ancestor with the control (its dialog, form or card), else the most
   * recently edited one.
   */
  function composerForControl(control, composers, lastActive) {
    const live = composers.filter((c) => c.isConnected);
    for (let el = control.parentElement; el; el = el.parentElement) {
      const inside = live.filter((c) => el.contains(c));
      if (inside.length === 1) return inside[0];
      if (inside.length > 1) return inside.includes(lastActive) ? lastActive : inside[0];
    }
    return lastActive && lastActive.isConnected ? lastActive : null;
  }

  return { siteFor, composerFor, publishControlFor, composerForControl };
});
