'use strict';
// Everything the extension draws on a page, inside one open shadow root so
// that the site's CSS cannot restyle it and ours cannot leak. Plain <div> +
// attachShadow: customElements is null in a content script's world.
// Text from the API is only ever set through textContent.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'ui', function () {
  // The ::highlight() rules repeat content.css's: highlights on text inside
  // this shadow root (textarea mirrors) are styled by the shadow's own sheet.
  const STYLE = `
    :host { all: initial; }
    * { box-sizing: border-box; font-family: system-ui, sans-serif; }
    .cg-mirror { position: fixed; margin: 0; border-style: solid; border-color: transparent; color: transparent;
      white-space: pre-wrap; overflow-wrap: break-word; overflow: hidden; pointer-events: none; z-index: 2147483000; }
    ::highlight(charterguard-block) { background-color: rgba(198, 40, 40, .22); text-decoration: underline wavy #c62828; }
    ::highlight(charterguard-warn) { background-color: rgba(239, 108, 0, .20); text-decoration: underline wavy #ef6c00; }
    ::highlight(charterguard-info) { background-color: rgba(21, 101, 192, .15); text-decoration: underline dotted #1565c0; }
    .cg-badge { position: fixed; z-index: 2147483001; display: flex; gap: 6px; align-items: center; padding: 3px 9px;
      border-radius: 12px; font-size: 12px; line-height: 18px; cursor: pointer; border: 1px solid #ccc;
      background: #fff; color: #333; box-shadow: 0 1px 3px rgba(0,0,0,.2); user-select: none; }
    .cg-badge[hidden] { display: none; }
    .cg-badge[data-state=block] { background: #c62828; border-color: #c62828; color: #fff; }
    .cg-badge[data-state=warn] { background: #fff3e0; border-color: #ef6c00; color: #8a3c00; }
    .cg-badge[data-state=pass] { background: #e8f5e9; border-color: #2e7d32; color: #1b5e20; }
    .cg-badge[data-state=offline], .cg-badge[data-state=unauthorized], .cg-badge[data-state=slow] { opacity: .75; }
    .cg-panel { position: fixed; z-index: 2147483002; top: 12px; right: 12px; width: 340px; max-height: calc(100vh - 24px);
      overflow: auto; background: #fff; color: #222; border: 1px solid #bbb; border-radius: 8px;
      box-shadow: 0 4px 16px rgba(0,0,0,.25); font-size: 13px; }
    .cg-panel[hidden], .cg-tooltip[hidden], .cg-dialog[hidden], .cg-toast[hidden], [hidden] { display: none; }
    .cg-panel header { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px;
      border-bottom: 1px solid #eee; font-weight: 600; }
    .cg-panel ul { list-style: none; margin: 0; padding: 0; }
    .cg-finding { padding: 8px 12px; border-bottom: 1px solid #f0f0f0; border-left: 4px solid #1565c0; }
    .cg-finding[data-severity=block] { border-left-color: #c62828; }
    .cg-finding[data-severity=warn] { border-left-color: #ef6c00; }
    .cg-finding p { margin: 4px 0; }
    .cg-sev { font-size: 11px; text-transform: uppercase; font-weight: 700; margin-right: 6px; }
    .cg-clause, .cg-suggestion { color: #555; }
    button { font: inherit; font-size: 12px; padding: 3px 10px; border-radius: 4px; border: 1px solid #888;
      background: #f5f5f5; color: #222; cursor: pointer; }
    button.cg-primary { background: #1565c0; border-color: #1565c0; color: #fff; }
    button.cg-danger { background: #c62828; border-color: #c62828; color: #fff; }
    button:disabled { opacity: .5; cursor: default; }
    .cg-close { border: none; background: none; font-size: 16px; padding: 0 4px; }
    .cg-tooltip { position: fixed; z-index: 2147483003; max-width: 320px; padding: 8px 10px; background: #fff; color: #222;
      border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.25); font-size: 13px; }
    .cg-tooltip p { margin: 3px 0; }
    .cg-dialog { position: fixed; z-index: 2147483004; inset: 0; background: rgba(0,0,0,.35); display: flex;
      align-items: center; justify-content: center; }
    .cg-dialog-box { width: 440px; max-width: calc(100vw - 24px); background: #fff; color: #222; border-radius: 10px;
      padding: 16px 18px; box-shadow: 0 8px 30px rgba(0,0,0,.35); font-size: 14px; }
    .cg-dialog-box h2 { margin: 0 0 8px; font-size: 16px; color: #c62828; }
    .cg-dialog-box ul { padding-left: 18px; }
    .cg-dialog-box textarea { width: 100%; min-height: 60px; font: inherit; }
    .cg-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
    .cg-toast { position: fixed; z-index: 2147483004; bottom: 16px; right: 16px; max-width: 320px; padding: 8px 12px;
      background: #333; color: #fff; border-radius: 6px; font-size: 13px; opacity: .92; }
  `;

  // Site handlers such as "click outside closes the composer" or keyboard
  // shortcuts must not react to what happens inside our UI.
  const CONTAINED_EVENTS = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'focusin'];

  function el(doc, tag, props, children) {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'text') node.textContent = value;
      else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  function createUi(doc, t) {
    const host = el(doc, 'div', { id: 'charterguard-root' });
    const shadow = host.attachShadow({ mode: 'open' });
    for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    shadow.appendChild(el(doc, 'style', { text: STYLE }));
    const mirrorLayer = el(doc, 'div', { class: 'cg-mirrors' });
    const badge = el(doc, 'div', { class: 'cg-badge', role: 'status', 'aria-live': 'polite', hidden: true, 'data-testid': 'cg-badge' });
    const panelList = el(doc, 'ul');
    const panel = el(doc, 'aside', { class: 'cg-panel', hidden: true, 'data-testid': 'cg-panel', 'aria-label': t('panelTitle') }, [
      el(doc, 'header', {}, [
        el(doc, 'span', { text: t('panelTitle') }),
        el(doc, 'button', { class: 'cg-close', 'aria-label': t('close'), text: '×', on: { click: () => { panel.hidden = true; } } }),
      ]),
      panelList,
    ]);
    const tooltip = el(doc, 'div', { class: 'cg-tooltip', hidden: true, role: 'tooltip', 'data-testid': 'cg-tooltip' });
    const dialog = el(doc, 'div', { class: 'cg-dialog', hidden: true, role: 'alertdialog', 'aria-modal': 'true', 'data-testid': 'cg-dialog' });
    const toast = el(doc, 'div', { class: 'cg-toast', hidden: true, role: 'status', 'data-testid': 'cg-toast' });
    for (const part of [mirrorLayer, badge, panel, tooltip, dialog, toast]) shadow.appendChild(part);
    badge.addEventListener('click', () => { panel.hidden = !panel.hidden; });
    (doc.body || doc.documentElement).appendChild(host);

    /** Full wording, for the tooltip and screen readers. */
    function badgeDescription(state, total) {
      if (state === 'block' || state === 'warn') {
        const issues = total === 1 ? t('issuesOne') : t('issuesMany', [String(total)]);
        return `${state === 'block' ? t('verdictBlock') : t('severity_warn')} · ${issues} — ${t('badgeHint')}`;
      }
      return { pass: t('verdictPass'), slow: t('slow'), offline: t('offlineHint'), unauthorized: t('unauthorizedHint') }[state] || '';
    }

    /** What the badge shows: a symbol and a count for verdicts (it sits over the text), words for API trouble. */
    function badgeLabel(state, total) {
      return { block: `✕ ${total}`, warn: `⚠ ${total}`, pass: '✓', slow: t('slow'), offline: t('offline'), unauthorized: t('apiUnauthorized') }[state] || '';
    }

    /** Shows the verdict badge inside the composer's bottom-right corner (outside, it would cover the site's buttons). */
    function showBadge(composer, state, total) {
      badge.dataset.state = state;
      badge.textContent = badgeLabel(state, total);
      badge.title = badgeDescription(state, total);
      badge.setAttribute('aria-label', `CharterGuard: ${badge.title}`);
      badge.hidden = false;
      placeBadge(composer);
    }

    function placeBadge(composer) {
      if (badge.hidden || !composer || !composer.isConnected) return;
      const rect = composer.getBoundingClientRect();
      const width = badge.offsetWidth || 120;
      const height = badge.offsetHeight || 24;
      badge.style.left = `${Math.max(4, rect.right - width - 6)}px`;
      badge.style.top = `${Math.max(4, rect.bottom - height - 6)}px`;
    }

    function hideBadge() {
      badge.hidden = true;
      panel.hidden = true;
    }

    function findingDetails(span, onApply) {
      const nodes = [
        el(doc, 'p', { class: 'cg-message', text: span.message || span.rule }),
        span.clause ? el(doc, 'p', { class: 'cg-clause', text: t('clause', [span.clause]) }) : null,
        span.suggestion ? el(doc, 'p', { class: 'cg-suggestion', text: t('suggestion', [span.suggestion]) }) : null,
      ];
      if (typeof span.replacement === 'string' && onApply) {
        nodes.push(el(doc, 'button', {
          class: 'cg-primary cg-apply', 'data-testid': 'cg-apply', text: t('apply', [span.replacement]),
          on: { click: () => onApply(span) },
        }));
      }
      return nodes;
    }

    function findingItem(span, onApply) {
      return el(doc, 'li', { class: 'cg-finding', 'data-rule': span.rule, 'data-severity': span.severityClass }, [
        el(doc, 'div', {}, [
          el(doc, 'span', { class: 'cg-sev', text: t(`severity_${span.severityClass}`) }),
          el(doc, 'q', { class: 'cg-text', text: span.text }),
        ]),
        ...findingDetails(span, onApply),
      ]);
    }

    /** Lists findings in the side panel (opened from the badge). */
    function renderPanel(spans, onApply) {
      panelList.replaceChildren(...spans.map((span) => findingItem(span, onApply)));
      if (!spans.length) panel.hidden = true;
    }

    function showTooltip(span, x, y, onApply) {
      tooltip.replaceChildren(
        el(doc, 'p', {}, [el(doc, 'span', { class: 'cg-sev', text: t(`severity_${span.severityClass}`) })]),
        ...findingDetails(span, onApply),
      );
      tooltip.dataset.rule = span.rule;
      tooltip.dataset.key = `${span.rule}@${span.from}`;
      tooltip.style.left = `${Math.max(4, x - 20)}px`;
      tooltip.style.top = `${y + 18}px`;
      tooltip.hidden = false;
    }

    function hideTooltip() {
      tooltip.hidden = true;
    }

    /**
     * Explains why publishing was stopped: the blocking findings, and the API's
     * notes (e.g. a check that ran out of time and failed closed). Resolves with
     * {action: 'back'} or {action: 'publish', reason} (only when the charter allows it).
     */
    function askAboutBlockedPost(spans, allowAnyway, notes = []) {
      return new Promise((resolve) => {
        const finish = (result) => { dialog.hidden = true; dialog.replaceChildren(); resolve(result); };
        const reason = el(doc, 'textarea', { 'data-testid': 'cg-reason', 'aria-label': t('reasonLabel'), placeholder: t('reasonPlaceholder') });
        const confirm = el(doc, 'button', { class: 'cg-danger', 'data-testid': 'cg-confirm-anyway', text: t('confirmAnyway'), disabled: true,
          on: { click: () => finish({ action: 'publish', reason: reason.value.trim() }) } });
        reason.addEventListener('input', () => { confirm.disabled = reason.value.trim().length < 3; });
        const anywayForm = el(doc, 'div', { hidden: true, class: 'cg-anyway' }, [
          el(doc, 'p', { text: t('reasonLabel') }), reason,
          el(doc, 'div', { class: 'cg-actions' }, [confirm]),
        ]);
        const anyway = allowAnyway ? el(doc, 'button', { 'data-testid': 'cg-publish-anyway', text: t('publishAnyway'),
          on: { click: () => { anywayForm.hidden = false; anyway.hidden = true; reason.focus(); } } }) : null;
        const back = el(doc, 'button', { class: 'cg-primary', 'data-testid': 'cg-back', text: t('goBack'),
          on: { click: () => finish({ action: 'back' }) } });
        const blocking = spans.filter((span) => span.severityClass === 'block');
        dialog.replaceChildren(el(doc, 'div', { class: 'cg-dialog-box' }, [
          el(doc, 'h2', { text: t('blockedTitle') }),
          el(doc, 'p', { text: t('blockedExplain') }),
          el(doc, 'ul', {}, blocking.map((span) => el(doc, 'li', { 'data-rule': span.rule }, [
            el(doc, 'q', { text: span.text }), doc.createTextNode(' — '), doc.createTextNode(span.message || span.rule),
            span.clause ? doc.createTextNode(` (${t('clause', [span.clause])})`) : null,
          ]))),
          ...notes.map((note) => el(doc, 'p', { class: 'cg-clause cg-note', text: note })),
          allowAnyway ? null : el(doc, 'p', { class: 'cg-clause', text: t('noOverride') }),
          el(doc, 'div', { class: 'cg-actions' }, [anyway, back]),
          anywayForm,
        ]));
        dialog.hidden = false;
        back.focus();
      });
    }

    let toastTimer = null;
    function showToast(message) {
      toast.textContent = message;
      toast.hidden = false;
      clearTimeout(toastTimer);
      toastTimer = setTimeout(() => { toast.hidden = true; }, 5000);
    }

    return { host, mirrorLayer, showBadge, placeBadge, hideBadge, renderPanel, showTooltip, hideTooltip, askAboutBlockedPost, showToast, tooltip };
  }

  return { createUi };
});
