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
    * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
    .cg-mirror { position: fixed; margin: 0; border-style: solid; border-color: transparent; color: transparent;
      white-space: pre-wrap; overflow-wrap: break-word; overflow: hidden; pointer-events: none; z-index: 2147483000; }
    .cg-mirror[data-single-line] { white-space: pre; overflow-wrap: normal; }
    ::highlight(charterguard-block) { background-color: rgba(198, 40, 40, .22); text-decoration: underline wavy #c62828; }
    ::highlight(charterguard-warn) { background-color: rgba(239, 108, 0, .20); text-decoration: underline wavy #ef6c00; }
    ::highlight(charterguard-info) { background-color: rgba(21, 101, 192, .15); text-decoration: underline dotted #1565c0; }
    .cg-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .cg-badge { position: fixed; z-index: 2147483001; display: inline-flex; align-items: center; justify-content: center;
      min-width: 26px; height: 26px; padding: 0 7px; border-radius: 13px; font-size: 12px; font-weight: 700; line-height: 1;
      cursor: pointer; border: 1px solid #6b6b6b; background: #fff; color: #333; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
    .cg-badge[hidden] { display: none; }
    .cg-badge:focus-visible, button:focus-visible, [tabindex]:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    .cg-badge[data-state=block] { background: #b71c1c; border-color: #b71c1c; color: #fff; }
    .cg-badge[data-state=warn] { background: #fff3e0; border-color: #b34700; color: #7a3000; }
    .cg-badge[data-state=pass] { background: #e8f5e9; border-color: #2e7d32; color: #1b5e20; }
    .cg-badge[data-state=offline], .cg-badge[data-state=unauthorized], .cg-badge[data-state=slow] {
      min-width: 24px; width: 24px; height: 24px; padding: 0; background: #f1f1f1; border-color: #767676; color: #444; }
    .cg-panel { position: fixed; z-index: 2147483002; width: 320px; max-height: calc(100vh - 24px); display: flex; flex-direction: column;
      background: #fff; color: #1f1f1f; border: 1px solid #8a8a8a; border-radius: 10px; box-shadow: 0 6px 20px rgba(0,0,0,.22); font-size: 13px; }
    .cg-panel[hidden], .cg-tooltip[hidden], .cg-dialog[hidden], .cg-toast[hidden], [hidden] { display: none; }
    .cg-panel header { display: flex; gap: 6px; align-items: center; padding: 8px 10px 8px 12px; border-bottom: 1px solid #e3e3e3; font-weight: 600; }
    .cg-panel header span { flex: 1; }
    .cg-panel[data-collapsed] ul { display: none; }
    .cg-panel ul { list-style: none; margin: 0; padding: 0; overflow: auto; }
    .cg-finding { padding: 8px 12px; border-bottom: 1px solid #eee; border-left: 4px solid #1565c0; }
    .cg-finding:focus { background: #f3f6fc; }
    .cg-finding[data-severity=block] { border-left-color: #b71c1c; }
    .cg-finding[data-severity=warn] { border-left-color: #b34700; }
    .cg-finding p { margin: 4px 0; }
    .cg-sev { font-size: 11px; text-transform: uppercase; font-weight: 700; margin-right: 6px; letter-spacing: .02em; }
    [data-severity=block] > div > .cg-sev, .cg-tooltip[data-severity=block] .cg-sev { color: #b71c1c; }
    [data-severity=warn] > div > .cg-sev, .cg-tooltip[data-severity=warn] .cg-sev { color: #8a3a00; }
    [data-severity=info] > div > .cg-sev, .cg-tooltip[data-severity=info] .cg-sev { color: #0d47a1; }
    .cg-tooltip .cg-sev[data-severity=block] { color: #b71c1c; }
    .cg-tooltip .cg-sev[data-severity=warn] { color: #8a3a00; }
    .cg-tooltip .cg-sev[data-severity=info] { color: #0d47a1; }
    .cg-tooltip .cg-also { border: 0; border-top: 1px solid #d7d7d7; margin: 8px 0; }
    .cg-text { quotes: none; background: #f2f2f2; border-radius: 3px; padding: 0 3px; }
    .cg-clause, .cg-suggestion, .cg-note { color: #4a4a4a; }
    .cg-row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
    /* WCAG 2.2 target size: every control at least 24 x 24 px. */
    button { font: inherit; font-size: 12px; min-height: 24px; min-width: 24px; padding: 4px 10px; border-radius: 6px; border: 1px solid #6b6b6b;
      background: #f7f7f7; color: #1f1f1f; cursor: pointer; }
    button.cg-icon { border: none; background: transparent; font-size: 16px; padding: 0 6px; color: #333; }
    button.cg-primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
    button.cg-danger { background: #b71c1c; border-color: #b71c1c; color: #fff; }
    button:disabled { opacity: .55; cursor: default; }
    .cg-tooltip { position: fixed; z-index: 2147483003; width: 320px; max-width: calc(100vw - 16px); padding: 10px 12px; background: #fff; color: #1f1f1f;
      border: 1px solid #8a8a8a; border-radius: 8px; box-shadow: 0 4px 14px rgba(0,0,0,.22); font-size: 13px; }
    .cg-tooltip p { margin: 3px 0; }
    .cg-dialog { position: fixed; z-index: 2147483004; inset: 0; background: rgba(0,0,0,.4); display: flex;
      align-items: flex-start; justify-content: center; padding-top: 8vh; overflow: auto; }
    .cg-dialog-box { width: 480px; max-width: calc(100vw - 24px); background: #fff; color: #1f1f1f; border-radius: 12px;
      padding: 18px 20px; box-shadow: 0 8px 30px rgba(0,0,0,.35); font-size: 14px; }
    .cg-dialog-box h2 { margin: 0 0 8px; font-size: 17px; color: #b71c1c; }
    .cg-dialog-box h3 { margin: 12px 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .02em; }
    .cg-dialog-box ul { padding-left: 18px; margin: 4px 0; }
    .cg-dialog-box li { margin: 3px 0; }
    .cg-dialog-box textarea { width: 100%; min-height: 60px; font: inherit; }
    .cg-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
    .cg-toast { position: fixed; z-index: 2147483004; bottom: 16px; left: 16px; max-width: 340px; padding: 8px 12px;
      background: #1f1f1f; color: #fff; border-radius: 8px; font-size: 13px; }
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

  const SEVERITIES = ['block', 'warn', 'info'];
  const CARD_GAP = 6; // px between a word and its card

  function intersects(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /** The finding's message, quoting the flagged text only when the message does not already say it. */
  function messageFor(span, t) {
    const message = span.message || span.rule;
    return span.text && !message.includes(span.text) ? `${t('quoted', [span.text])} — ${message}` : message;
  }

  function createUi(doc, t) {
    const win = doc.defaultView;
    const host = el(doc, 'div', { id: 'charterguard-root' });
    const shadow = host.attachShadow({ mode: 'open' });
    for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    shadow.appendChild(el(doc, 'style', { text: STYLE }));
    const mirrorLayer = el(doc, 'div', { class: 'cg-mirrors' });
    const badge = el(doc, 'button', { type: 'button', class: 'cg-badge', hidden: true, 'data-testid': 'cg-badge', 'aria-expanded': 'false' });
    // The verdict is announced once per change, politely: a live region apart from the badge,
    // whose label changes with every count.
    const live = el(doc, 'div', { class: 'cg-sr', role: 'status', 'aria-live': 'polite', 'data-testid': 'cg-live' });
    const panelList = el(doc, 'ul', { 'aria-label': t('panelTitle') });
    const collapse = el(doc, 'button', { class: 'cg-icon', 'data-testid': 'cg-collapse', 'aria-label': t('collapse'), title: t('collapse'), text: '▾' });
    const closeButton = el(doc, 'button', { class: 'cg-icon cg-close', 'data-testid': 'cg-panel-close', 'aria-label': t('close'), title: t('close'), text: '×' });
    const panel = el(doc, 'aside', { class: 'cg-panel', hidden: true, 'data-testid': 'cg-panel', 'aria-label': t('panelTitle') }, [
      el(doc, 'header', {}, [el(doc, 'span', { text: t('panelTitle') }), collapse, closeButton]),
      panelList,
    ]);
    const tooltip = el(doc, 'div', { class: 'cg-tooltip', hidden: true, role: 'dialog', 'aria-label': t('cardLabel'), 'data-testid': 'cg-tooltip' });
    const dialog = el(doc, 'div', { class: 'cg-dialog', hidden: true, role: 'alertdialog', 'aria-modal': 'true', 'data-testid': 'cg-dialog' });
    const toast = el(doc, 'div', { class: 'cg-toast', hidden: true, role: 'status', 'data-testid': 'cg-toast' });
    for (const part of [mirrorLayer, badge, live, panel, tooltip, dialog, toast]) shadow.appendChild(part);
    (doc.body || doc.documentElement).appendChild(host);

    let badgeComposer = null;
    let panelAvoid = () => [];
    let lastAnnounced = '';

    function openPanel(focusFirst) {
      panel.hidden = false;
      badge.setAttribute('aria-expanded', 'true');
      placePanel();
      if (focusFirst) (panelList.querySelector('li') || closeButton).focus();
    }

    function closePanel() {
      panel.hidden = true;
      badge.setAttribute('aria-expanded', 'false');
    }

    badge.addEventListener('click', (event) => {
      if (!panel.hidden) return closePanel();
      // A click with the keyboard (detail 0) moves focus into the panel.
      return openPanel(event.detail === 0);
    });
    collapse.addEventListener('click', () => {
      const collapsed = !panel.hasAttribute('data-collapsed');
      panel.toggleAttribute('data-collapsed', collapsed);
      collapse.textContent = collapsed ? '▸' : '▾';
      collapse.setAttribute('aria-label', collapsed ? t('expand') : t('collapse'));
      collapse.title = collapse.getAttribute('aria-label');
      collapse.setAttribute('aria-expanded', String(!collapsed));
    });
    closeButton.addEventListener('click', () => {
      closePanel();
      badge.focus();
    });

    /** Full wording, for the tooltip and screen readers. */
    function badgeDescription(state, total) {
      if (state === 'block' || state === 'warn') {
        const issues = total === 1 ? t('issuesOne') : t('issuesMany', [String(total)]);
        return `${state === 'block' ? t('verdictBlock') : t('severity_warn')} · ${issues} — ${t('badgeHint')}`;
      }
      return { pass: t('verdictPass'), slow: t('slow'), offline: t('offlineHint'), unauthorized: t('unauthorizedHint') }[state] || '';
    }

    /** A symbol and a count for verdicts; a one-character mark for API trouble, its words for screen readers and tests. */
    function badgeContent(state, total) {
      const visible = { block: `✕ ${total}`, warn: `⚠ ${total}`, pass: '✓', slow: '…', offline: '⏻', unauthorized: '⚿' }[state] || '';
      const spoken = { slow: t('slow'), offline: t('offline'), unauthorized: t('apiUnauthorized') }[state];
      return spoken ? [doc.createTextNode(visible), el(doc, 'span', { class: 'cg-sr', text: spoken })] : [doc.createTextNode(visible)];
    }

    /** Shows the verdict badge next to the composer (never over its text) and announces a new verdict. */
    function showBadge(composer, state, total) {
      badge.dataset.state = state;
      badge.replaceChildren(...badgeContent(state, total));
      badge.title = badgeDescription(state, total);
      badge.setAttribute('aria-label', `CharterGuard: ${badge.title}`);
      badge.hidden = false;
      badgeComposer = composer;
      placeBadge(composer);
      const announcement = `CharterGuard: ${badgeDescription(state, total).split(' — ')[0]}`;
      if (announcement !== lastAnnounced) {
        lastAnnounced = announcement;
        live.textContent = announcement;
      }
    }

    /**
     * Beside the composer's bottom-right corner, outside it (text runs up to its
     * right edge); inside the corner only when the viewport leaves no room.
     */
    function placeBadge(composer) {
      if (badge.hidden || !composer || !composer.isConnected) return;
      badgeComposer = composer;
      const rect = composer.getBoundingClientRect();
      const width = badge.offsetWidth || 28;
      const height = badge.offsetHeight || 26;
      const viewport = win.innerWidth || doc.documentElement.clientWidth || 1024;
      let left = rect.right + CARD_GAP;
      if (left + width > viewport - 4) left = rect.left - width - CARD_GAP;
      if (left < 4) left = rect.right - width - 6;
      badge.style.left = `${Math.round(left)}px`;
      badge.style.top = `${Math.round(Math.max(4, rect.bottom - height))}px`;
      if (!panel.hidden) placePanel();
    }

    function hideBadge() {
      badge.hidden = true;
      closePanel();
      hideTooltip();
      badgeComposer = null;
      lastAnnounced = '';
    }

    /**
     * Docks the panel beside the composer and the rectangles to avoid (its
     * publish button), on the side with more room; when neither side has room,
     * below them, else collapsed at the bottom-left corner.
     */
    function placePanel() {
      if (panel.hidden || !badgeComposer || !badgeComposer.isConnected) return;
      const viewportW = win.innerWidth || 1024;
      const viewportH = win.innerHeight || 768;
      const rects = [badgeComposer.getBoundingClientRect(), ...panelAvoid()];
      const zone = {
        left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)),
        top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)),
      };
      const margin = 12;
      const roomRight = viewportW - zone.right - margin - 34; // the badge sits to the composer's right
      const roomLeft = zone.left - margin;
      const width = Math.min(320, Math.max(roomRight, roomLeft) - margin);
      let left;
      let top = Math.max(margin, zone.top);
      if (width >= 220) {
        left = roomRight >= roomLeft ? zone.right + 34 + margin : zone.left - margin - width;
      } else if (viewportH - zone.bottom > 160) {
        left = Math.max(margin, Math.min(zone.left, viewportW - 320 - margin));
        top = zone.bottom + margin;
      } else {
        left = margin;
        top = Math.max(margin, viewportH - 220);
      }
      const finalWidth = width >= 220 ? width : Math.min(320, viewportW - 2 * margin);
      panel.style.width = `${Math.round(finalWidth)}px`;
      panel.style.left = `${Math.round(left)}px`;
      panel.style.top = `${Math.round(top)}px`;
      panel.style.maxHeight = `${Math.round(viewportH - top - margin)}px`;
    }

    function findingDetails(span, actions) {
      const nodes = [
        el(doc, 'p', { class: 'cg-message', text: span.message || span.rule }),
        span.clause ? el(doc, 'p', { class: 'cg-clause', text: t('clause', [span.clause]) }) : null,
        span.suggestion ? el(doc, 'p', { class: 'cg-suggestion', text: t('suggestion', [span.suggestion]) }) : null,
      ];
      const buttons = [];
      if (typeof span.replacement === 'string' && actions.apply) {
        buttons.push(el(doc, 'button', {
          class: 'cg-primary cg-apply', 'data-testid': 'cg-apply', text: t('apply', [span.replacement]),
          on: { click: () => actions.apply(span) },
        }));
      }
      if (actions.dismiss && (!actions.canDismiss || actions.canDismiss(span))) {
        buttons.push(el(doc, 'button', { class: 'cg-ignore', 'data-testid': 'cg-ignore', text: t('ignoreInPost'),
          on: { click: () => actions.dismiss(span, 'ignored') } }));
        buttons.push(el(doc, 'button', { class: 'cg-not-applicable', 'data-testid': 'cg-not-applicable', text: t('notApplicable'),
          on: { click: () => actions.dismiss(span, 'not_applicable') } }));
      }
      if (buttons.length) nodes.push(el(doc, 'div', { class: 'cg-row' }, buttons));
      return nodes;
    }

    function normalizeActions(actions) {
      return typeof actions === 'function' ? { apply: actions } : (actions || {});
    }

    function findingItem(span, actions) {
      return el(doc, 'li', { class: 'cg-finding', tabindex: '0', 'data-rule': span.rule, 'data-severity': span.severityClass }, [
        el(doc, 'div', {}, [
          el(doc, 'span', { class: 'cg-sev', text: t(`severity_${span.severityClass}`) }),
          // The flagged text, unless the message already quotes it (no word said twice).
          el(doc, 'q', { class: 'cg-text', text: span.text, hidden: Boolean(span.message && span.message.includes(span.text)) }),
        ]),
        ...findingDetails(span, actions),
      ]);
    }

    /**
     * Lists findings in the side panel (opened from the badge). `actions`:
     * {apply(span), dismiss(span, reason), canDismiss(span)} (a function is `apply`);
     * `avoid()` gives rectangles the panel must not cover (the publish button).
     */
    function renderPanel(spans, actions, avoid) {
      const focusedRule = shadow.activeElement && shadow.activeElement.closest && shadow.activeElement.closest('li');
      const refocus = focusedRule ? focusedRule.dataset.rule : null;
      panelList.replaceChildren(...spans.map((span) => findingItem(span, normalizeActions(actions))));
      if (avoid) panelAvoid = avoid;
      if (!spans.length) closePanel();
      else if (!panel.hidden) placePanel();
      if (refocus) (panelList.querySelector(`li[data-rule="${refocus}"]`) || panelList.querySelector('li') || badge).focus();
    }

    /**
     * A card for one finding, anchored to the word's rectangle `anchor`: below
     * it, or above when below would cover another finding (`avoid` rectangles)
     * or leave the viewport.
     */
    function showTooltip(span, anchor, actions, avoid = [], alsoHere = []) {
      const box = anchor;
      const handlers = normalizeActions(actions);
      const others = avoid;
      // `alsoHere`: the other findings overlapping this word, each with its own message and fix.
      const severity = (s) => el(doc, 'p', {}, [el(doc, 'span', { class: 'cg-sev', 'data-severity': s.severityClass, text: t(`severity_${s.severityClass}`) })]);
      tooltip.replaceChildren(
        severity(span),
        ...findingDetails(span, handlers),
        ...alsoHere.flatMap((other) => [el(doc, 'hr', { class: 'cg-also' }), severity(other), ...findingDetails(other, handlers)]),
      );
      tooltip.dataset.rule = span.rule;
      tooltip.dataset.severity = span.severityClass;
      tooltip.dataset.key = `${span.rule}@${span.from}`;
      tooltip.hidden = false;
      const width = tooltip.offsetWidth || 320;
      const height = tooltip.offsetHeight || 120;
      const viewportW = win.innerWidth || 1024;
      const viewportH = win.innerHeight || 768;
      const left = Math.max(8, Math.min(box.left, viewportW - width - 8));
      const below = { left, right: left + width, top: box.bottom + CARD_GAP, bottom: box.bottom + CARD_GAP + height };
      const above = { left, right: left + width, top: box.top - CARD_GAP - height, bottom: box.top - CARD_GAP };
      const fits = (r) => r.top >= 0 && r.bottom <= viewportH;
      const free = (r) => !others.some((o) => intersects(r, o));
      const place = [below, above].find((r) => fits(r) && free(r)) || [below, above].find(fits) || below;
      tooltip.style.left = `${Math.round(place.left)}px`;
      tooltip.style.top = `${Math.round(place.top)}px`;
    }

    function hideTooltip() {
      tooltip.hidden = true;
      delete tooltip.dataset.key;
    }

    /**
     * Explains why publishing was stopped: every finding, grouped by severity,
     * and the API's notes (e.g. a check that ran out of time and failed closed).
     * Resolves with {action: 'back'} or {action: 'publish', reason} (only when
     * the charter allows it). Escape goes back. `form`: a multi-field form's save was stopped. The box is pinned to the top of
     * the viewport, so opening the reason form grows it downwards.
     */
    function askAboutBlockedPost(spans, allowAnyway, notes = [], { form = false } = {}) {
      return new Promise((resolve) => {
        const finish = (result) => {
          dialog.hidden = true;
          dialog.replaceChildren();
          dialog.removeEventListener('keydown', onKey);
          resolve(result);
        };
        const onKey = (event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            finish({ action: 'back' });
          }
        };
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
        const groups = SEVERITIES.map((severity) => {
          const inGroup = spans.filter((span) => span.severityClass === severity);
          if (!inGroup.length) return null;
          return el(doc, 'section', { 'data-severity': severity }, [
            el(doc, 'h3', { text: t(`severity_${severity}`) }),
            el(doc, 'ul', {}, inGroup.map((span) => el(doc, 'li', { 'data-rule': span.rule, 'data-severity': severity }, [
              doc.createTextNode(messageFor(span, t)),
              span.field ? doc.createTextNode(` (${t('inField', [span.field])})`) : null,
              span.clause ? doc.createTextNode(` — ${t('clause', [span.clause])}`) : null,
            ]))),
          ]);
        });
        const title = el(doc, 'h2', { id: 'cg-dialog-title', text: form ? t('blockedFormTitle') : t('blockedTitle') });
        dialog.setAttribute('aria-labelledby', 'cg-dialog-title');
        dialog.replaceChildren(el(doc, 'div', { class: 'cg-dialog-box', 'data-testid': 'cg-dialog-box' }, [
          title,
          el(doc, 'p', { text: form ? t('blockedFormExplain') : t('blockedExplain') }),
          ...groups,
          ...notes.map((note) => el(doc, 'p', { class: 'cg-clause cg-note', text: note })),
          allowAnyway ? null : el(doc, 'p', { class: 'cg-clause', text: t('noOverride') }),
          el(doc, 'div', { class: 'cg-actions' }, [anyway, back]),
          anywayForm,
        ]));
        dialog.addEventListener('keydown', onKey);
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

    /** Escape: closes the card, then the panel. Returns whether something was closed. */
    function closeTransient() {
      if (!tooltip.hidden) {
        hideTooltip();
        return true;
      }
      if (!panel.hidden) {
        closePanel();
        return true;
      }
      return false;
    }

    function isOpenDialog() {
      return !dialog.hidden;
    }

    return {
      host, mirrorLayer, badge, panel, tooltip, showBadge, placeBadge, hideBadge, renderPanel, placePanel, showTooltip, hideTooltip,
      askAboutBlockedPost, showToast, closeTransient, isOpenDialog, openPanel,
    };
  }

  return { createUi, messageFor };
});
