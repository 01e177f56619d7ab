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
  // One-line fields a profile or post form shows publicly (job title, headline): plain text inputs only,
  // never search boxes, passwords, e-mail or number fields.
  const TEXT_INPUT = 'input:not([type]), input[type="text"]';
  const MULTILINE_COMPOSER = `textarea, ${EDITING_HOST}`;
  const ANY_COMPOSER = `${MULTILINE_COMPOSER}, ${TEXT_INPUT}`;
  // A profile or post form: a <form> or a dialog.
  const FORM_SCOPE = 'form, [role="dialog"], [aria-modal="true"]';
  // Labels of a publish control on sites we do not know (EN + FR).
  const PUBLISH_LABEL = /^\s*(post|publish|publier|poster|tweet|share|partager|send|envoyer|reply|répondre)\s*$/i;
  // Labels that publish only inside a form holding text fields (a profile's "Save").
  const SAVE_LABEL = /^\s*(save|enregistrer|sauvegarder|update|mettre à jour|valider|done|terminé)\s*$/i;
  const CONTROL_SELECTOR = 'button, [role="button"], input[type="submit"], input[type="button"]';

  /** The known site for a hostname, or the generic "internal" site. */
  function siteFor(hostname) {
    const known = KNOWN_SITES.find((site) => site.hosts.test(hostname));
    if (known) return { ...known, channel: known.id };
    return { id: 'internal', channel: 'internal', composers: [], publish: [] };
  }

  function isOwnUi(el) {
    return Boolean(el.closest && el.closest('#charterguard-root'));
  }

  /** The form or dialog a field or control belongs to, or null. */
  function formScopeOf(el) {
    return (el && el.closest && el.closest(FORM_SCOPE)) || null;
  }

  /** A one-line text input that is part of a form or dialog with a publish or save control. */
  function isFormTextInput(el) {
    if (el.tagName !== 'INPUT' || !el.matches(TEXT_INPUT) || el.readOnly || el.disabled) return false;
    if (el.getAttribute('role') === 'combobox' || el.getAttribute('role') === 'searchbox') return false;
    const scope = formScopeOf(el);
    if (!scope) return false;
    // A search box (one input and a "Go" button) is not a post: the form must have a publish or
    // save button, or hold a multi-line field next to the input.
    const labelled = [...scope.querySelectorAll(CONTROL_SELECTOR)].some((c) => PUBLISH_LABEL.test(labelOf(c)) || SAVE_LABEL.test(labelOf(c)));
    return labelled || Boolean(scope.querySelector(MULTILINE_COMPOSER));
  }

  /** The composer an event target belongs to: the outermost editing host, a textarea, or a form's text input. */
  function composerFor(target, site) {
    if (!target || target.nodeType !== 1 || isOwnUi(target)) return null;
    if (target.tagName === 'TEXTAREA') return target.readOnly || target.disabled ? null : target;
    if (target.tagName === 'INPUT') return isFormTextInput(target) ? target : null;
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
    // "Save" publishes a profile form's fields, whatever the button's type.
    const scope = formScopeOf(control);
    if (SAVE_LABEL.test(labelOf(control)) && scope && scope.querySelector(ANY_COMPOSER)) return control;
    const isSubmit = control.type === 'submit' && control.form;
    return isSubmit && control.form.querySelector(MULTILINE_COMPOSER) ? control : null;
  }

  /** Every field of a form or dialog a publish would send: textareas, text inputs, outermost editing hosts. */
  function fieldsIn(scope, site) {
    const fields = [];
    for (const el of scope.querySelectorAll(ANY_COMPOSER)) {
      const composer = composerFor(el, site);
      if (composer && !fields.includes(composer) && !fields.some((f) => f.contains(composer))) fields.push(composer);
    }
    return fields;
  }

  /** What the user calls a field: its label, aria-label, placeholder or name. */
  function fieldLabel(field) {
    const byAria = field.getAttribute('aria-label');
    if (byAria) return byAria.trim();
    const labelled = field.labels && field.labels[0];
    if (labelled) return labelled.textContent.trim();
    const byId = field.getAttribute('aria-labelledby');
    const labelEl = byId && field.ownerDocument.getElementById(byId);
    if (labelEl) return labelEl.textContent.trim();
    return (field.getAttribute('placeholder') || field.getAttribute('name') || '').trim();
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

  return { siteFor, composerFor, publishControlFor, composerForControl, formScopeOf, fieldsIn, fieldLabel };
});
