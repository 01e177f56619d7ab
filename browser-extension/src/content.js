'use strict';
// Content script: watches the page's post composers, asks the service worker
// to check drafts while the user types, paints the findings and stands in
// front of the publish button when the verdict is "block".
// It never logs, stores or sends the draft anywhere but to the service worker.
(function charterGuardContent() {
  // The static and the dynamically registered scripts may both match a page.
  if (globalThis.__charterGuardStarted) return;
  globalThis.__charterGuardStarted = true;

  const ext = globalThis.browser || globalThis.chrome;
  const CG = globalThis.CharterGuard;
  const DEBOUNCE_MS = 200; // pause in typing before a check
  const SLOW_MS = 1500; // after this the badge says the API is slow
  const PUBLISH_RECHECK_MS = 2500; // max wait for a verdict when publish is clicked on a stale one
  const INCOMPLETE_RETRY_MS = 1000; // an unfinished check (API time budget ran out) is retried once after this
  const CARD_GRACE_MS = 450; // a card stays this long after the pointer leaves its word, so the pointer can reach it
  const SEVERITY_VERDICT = { block: 'block', warn: 'warn', info: 'pass' };
  const site = CG.sites.siteFor(location.hostname);
  const root = document.documentElement;

  const t = (key, subs) => ext.i18n.getMessage(key, subs) || key;

  /** Messages the service worker; any failure (worker gone, extension reloaded) resolves to {ok: false}. */
  function send(message) {
    try {
      return ext.runtime.sendMessage(message).then((answer) => answer || { ok: false }, () => ({ ok: false }));
    } catch {
      return Promise.resolve({ ok: false });
    }
  }
  let ui = null;
  let highlighter = null;
  let enabled = false;
  const sessions = new Map(); // composer element -> session
  let active = null; // last composer the user typed in
  let replayControl = null; // publish control whose next click we let through

  /**
   * Starts following a composer. Rich editors (Lexical, Draft.js) cancel
   * beforeinput and edit their DOM themselves, so no input event fires for
   * many edits: a contenteditable is followed through its mutations instead.
   */
  function track(composer) {
    const session = {
      composer, timer: null, slowTimer: null, seq: 0, observer: null,
      checkedText: null, spans: [], verdict: null, allowAnyway: false, offline: false, overriddenText: null,
      notes: [], incomplete: false, retriedText: null,
      dismissed: new Set(), // `${rule}\u0000${text}` of findings the user set aside in this post
    };
    if (!CG.textModel.isTextField(composer)) {
      session.observer = new MutationObserver(() => changed(session));
      session.observer.observe(composer, { childList: true, subtree: true, characterData: true });
    }
    sessions.set(composer, session);
    return session;
  }

  function ensureUi() {
    if (ui) return;
    ui = CG.ui.createUi(document, t);
    highlighter = CG.highlighter.createHighlighter(window, ui.mirrorLayer);
  }

  // ---- checking -----------------------------------------------------------

  function schedule(session) {
    clearTimeout(session.timer);
    session.timer = setTimeout(() => { runCheck(session); }, DEBOUNCE_MS);
  }

  /** Checks the composer's current text; resolves when the result is painted (or dropped as stale). */
  async function runCheck(session) {
    clearTimeout(session.timer);
    const text = CG.textModel.readComposer(session.composer).text;
    if (!text.trim()) return reset(session);
    if (text === session.checkedText && !session.offline && !session.incomplete) return paint(session);
    const seq = ++session.seq;
    clearTimeout(session.slowTimer);
    session.slowTimer = setTimeout(() => { if (seq === session.seq) showState(session, 'slow'); }, SLOW_MS);
    const response = await send({ type: CG.messages.CHECK, text, channel: site.channel });
    clearTimeout(session.slowTimer);
    if (seq !== session.seq || !session.composer.isConnected) return undefined;
    root.dataset.charterguardChecks = String(Number(root.dataset.charterguardChecks || 0) + 1);
    if (!response.ok) {
      Object.assign(session, { offline: true, spans: [], checkedText: null });
      highlighter.clear(session.composer);
      if (session.composer === active) {
        ui.renderPanel([], null);
        hideCard();
      }
      return showState(session, response.error && response.error.code === 'unauthorized' ? 'unauthorized' : 'offline');
    }
    const { report } = response;
    Object.assign(session, {
      offline: false, checkedText: text, verdict: report.verdict, allowAnyway: response.allowPublishAnyway,
      spans: CG.findings.spansFromReport(text, report).sort(CG.findings.bySeverityThenPosition),
      notes: report.notes || [], incomplete: Boolean(report.incomplete),
    });
    // The API ran out of time (e.g. models still loading) and failed closed:
    // its verdict stands, but one more try usually completes.
    if (session.incomplete && session.retriedText !== text) {
      session.retriedText = text;
      session.timer = setTimeout(() => { runCheck(session); }, INCOMPLETE_RETRY_MS);
    }
    return paint(session);
  }

  const dismissKey = (span) => `${span.rule}\u0000${span.text}`;

  /** Findings of the last check the user did not set aside. */
  function liveSpans(session) {
    return session.dismissed.size ? session.spans.filter((span) => !session.dismissed.has(dismissKey(span))) : session.spans;
  }

  /** The API's verdict, or, once the user set findings aside, the verdict of those left (an unfinished check keeps its own). */
  function effectiveVerdict(session) {
    if (!session.dismissed.size || session.incomplete || session.verdict === null) return session.verdict;
    const spans = liveSpans(session);
    for (const severity of ['block', 'warn', 'info']) if (spans.some((s) => s.severityClass === severity)) return SEVERITY_VERDICT[severity];
    return 'pass';
  }

  function guardState(session) {
    return { ...session, verdict: effectiveVerdict(session) };
  }

  /** Sessions of the form or dialog `session`'s field belongs to (just itself outside a form). */
  function formSessions(session) {
    const scope = CG.sites.formScopeOf(session.composer);
    if (!scope) return [session];
    return [...sessions.values()].filter((s) => s === session || (s.composer.isConnected && scope.contains(s.composer)));
  }

  /** Current spans of a session over its field's current text, tagged with the field's label in a multi-field form. */
  function currentSpans(session, labelled) {
    const model = CG.textModel.readComposer(session.composer);
    const spans = CG.findings.reanchor(liveSpans(session), session.checkedText, model.text);
    if (!labelled) return { model, spans };
    const field = CG.sites.fieldLabel(session.composer) || undefined;
    return { model, spans: spans.map((span) => ({ ...span, field, session })) };
  }

  const VERDICT_RANK = { block: 3, warn: 2, pass: 1 };

  /** Paints the last result over the composer's current text (re-anchored if the user typed since). */
  function paint(session) {
    if (session.checkedText === null) return;
    const { model, spans } = currentSpans(session, false);
    highlighter.show(session.composer, model, spans);
    if (!formSessions(session).includes(sessionOf(active))) return;
    showForm(session);
  }

  function sessionOf(composer) {
    return composer ? sessions.get(composer) : undefined;
  }

  /** Badge, panel and live region for the form `session` belongs to: the worst verdict and every finding of its fields. */
  function showForm(session) {
    const members = formSessions(session).filter((s) => s.checkedText !== null);
    const multi = members.length > 1;
    const all = members.flatMap((s) => currentSpans(s, multi).spans.map((span) => ({ ...span, session: s })));
    const verdict = members.reduce((worst, s) => {
      const v = currentSpans(s, false).spans.length ? effectiveVerdict(s) : 'pass';
      return (VERDICT_RANK[v] || 0) > (VERDICT_RANK[worst] || 0) ? v : worst;
    }, 'pass');
    if (cardSpan && !all.some((span) => span.rule === cardSpan.rule && span.text === cardSpan.text)) hideCard();
    ui.renderPanel(all, actionsFor(null), () => publishRects(active));
    root.dataset.charterguardFormState = verdict;
    showState(session, all.length ? verdict : 'pass', all.length);
    showActionBadge(all.length ? verdict : 'pass', all.length);
  }

  let actionBadge = '';
  /** The toolbar icon's badge follows the verdict shown on the page (sent only when it changes). */
  function showActionBadge(state, total) {
    const key = `${state}:${total}`;
    if (key === actionBadge) return;
    actionBadge = key;
    send({ type: CG.messages.BADGE, state, total });
  }

  function showState(session, state, total) {
    root.dataset.charterguardState = state;
    if (active && formSessions(session).includes(sessionOf(active))) ui.showBadge(active, state, total || 0);
  }

  /** The draft was emptied: nothing to show until the user types again. */
  function reset(session) {
    session.seq += 1; // drop any answer still on its way
    Object.assign(session, { checkedText: null, spans: [], verdict: null, offline: false, notes: [], incomplete: false });
    highlighter.clear(session.composer);
    root.dataset.charterguardState = 'empty';
    if (session.composer !== active) return;
    hideCard();
    // Another field of the same form still has findings: the form's verdict stays on screen.
    const other = formSessions(session).find((s) => s !== session && s.checkedText !== null);
    if (other) return showForm(other);
    ui.hideBadge(); // also closes the panel: nothing stale stays on screen
    showActionBadge('empty', 0);
  }

  /** The composer left the page (dialog closed, post sent). */
  function forget(session) {
    clearTimeout(session.timer);
    if (session.observer) session.observer.disconnect();
    reset(session);
    sessions.delete(session.composer);
  }

  // ---- suggestions ---------------------------------------------------------

  /** What a card or the panel offers for a finding of `session` (null: the session the span carries). */
  function actionsFor(session) {
    const owner = (span) => session || span.session;
    return {
      apply: (span) => applySuggestion(owner(span), span),
      dismiss: (span, reason) => dismiss(owner(span), span, reason),
      // A blocking finding can be set aside only where the charter lets authors publish anyway.
      canDismiss: (span) => span.severityClass !== 'block' || Boolean(owner(span) && owner(span).allowAnyway),
    };
  }

  /**
   * "Ignorer" (ignore in this post) or "Ne s'applique pas ici" (a false alarm):
   * the finding is hidden for this post and the reason goes to the API's decision log.
   */
  async function dismiss(session, span, reason) {
    if (!session) return;
    hideCard();
    session.dismissed.add(dismissKey(span));
    paint(session);
    const recorded = await send({
      type: CG.messages.DISMISS, text: session.checkedText || CG.textModel.readComposer(session.composer).text,
      channel: site.channel, rules: [span.rule], severity: span.severityClass, reason,
    });
    ui.showToast(recorded.ok ? t('dismissRecorded') : t('dismissNotRecorded'));
  }

  function applySuggestion(session, span) {
    hideCard();
    const text = CG.textModel.readComposer(session.composer).text;
    const [current] = CG.findings.reanchor([span], session.checkedText, text);
    if (!current) return;
    CG.apply.replaceSpan(session.composer, current.from, current.to, span.replacement);
    schedule(session); // editors that swallow our input event still get re-checked
  }

  // ---- publish interception --------------------------------------------------

  function stop(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function replay(control) {
    replayControl = control;
    control.click();
  }

  /**
   * The sessions a publish control sends: every text field of its form or
   * dialog (a profile form's save sends them all, so a clean last-edited field
   * cannot hide a code name in another), else the composer it belongs to.
   */
  function sessionsForControl(control) {
    const scope = CG.sites.formScopeOf(control);
    const fields = scope ? CG.sites.fieldsIn(scope, site) : [];
    if (fields.length) {
      return fields
        .filter((field) => CG.textModel.readComposer(field).text.trim())
        .map((field) => sessions.get(field) || track(field));
    }
    const composer = CG.sites.composerForControl(control, [...sessions.keys()], active);
    const session = composer && sessions.get(composer);
    return session ? [session] : [];
  }

  function decisionOf(session) {
    return CG.guard.publishDecision(guardState(session), CG.textModel.readComposer(session.composer).text);
  }

  async function onPublishClick(event) {
    if (!enabled) return;
    const control = CG.sites.publishControlFor(event.target, site);
    if (!control) return;
    if (control === replayControl) {
      replayControl = null;
      return;
    }
    const targets = sessionsForControl(control);
    if (!targets.length) return;
    const decisions = targets.map(decisionOf);
    if (decisions.every((decision) => decision === 'allow')) return;
    stop(event);
    const stale = targets.filter((_, i) => decisions[i] === 'recheck');
    if (stale.length) {
      const timedOut = new Promise((resolve) => { setTimeout(() => resolve('timeout'), PUBLISH_RECHECK_MS); });
      await Promise.race([Promise.all(stale.map(runCheck)), timedOut]);
      // Still no verdict (API slow or down): publishing is never held on the extension's account.
      if (!targets.some((session) => decisionOf(session) === 'block')) return replay(control);
    }
    if (await confirmBlocked(targets.filter((session) => decisionOf(session) === 'block'))) replay(control);
  }

  /**
   * Explains the block (every finding of the blocked fields, grouped by
   * severity); resolves true when the user chose to publish anyway (the
   * charter allows it) and the reason went to the API.
   */
  async function confirmBlocked(blocked) {
    const multi = blocked.length > 1 || formSessions(blocked[0]).length > 1;
    const spans = blocked.flatMap((session) => currentSpans(session, multi).spans);
    const allowAnyway = blocked.every((session) => session.allowAnyway);
    const notes = [...new Set(blocked.flatMap((session) => session.notes))];
    hideCard();
    const answer = await ui.askAboutBlockedPost(spans.sort(CG.findings.bySeverityThenPosition), allowAnyway, notes, { form: multi });
    if (answer.action === 'back') {
      blocked[0].composer.focus();
      return false;
    }
    const results = await Promise.all(blocked.map((session) => {
      const text = CG.textModel.readComposer(session.composer).text;
      session.overriddenText = text;
      return send({
        type: CG.messages.OVERRIDE, text, channel: site.channel, rules: CG.guard.blockingRules(liveSpans(session)), reason: answer.reason,
      });
    }));
    // Publishing anyway was the user's call, allowed by the charter: an API
    // failure here must not trap the post, but the user is told.
    ui.showToast(results.every((r) => r.ok) ? t('overrideRecorded') : t('overrideNotRecorded'));
    return true;
  }

  /** The site's publish control that sends this composer, if it can be found. */
  function publishControlOf(composer) {
    const scope = CG.sites.formScopeOf(composer);
    if (scope) {
      const own = [...scope.querySelectorAll('button, [role="button"], input[type="submit"], input[type="button"]')]
        .find((control) => CG.sites.publishControlFor(control, site) === control);
      if (own) return own;
    }
    if (!site.publish.length) return null;
    const controls = [...document.querySelectorAll(site.publish.join(','))];
    return controls.find((control) => CG.sites.composerForControl(control, [composer], null) === composer) || null;
  }

  /** Where the panel must not go: the composer's publish button. */
  function publishRects(composer) {
    const control = composer && publishControlOf(composer);
    return control ? [control.getBoundingClientRect()] : [];
  }

  /**
   * Ctrl/Cmd+Enter publishes on several networks: same rule as the button.
   * A keystroke cannot be replayed, so publishing anyway clicks the site's
   * publish control when it is known (else the next Ctrl+Enter goes through).
   */
  async function onPublishShortcut(event) {
    if (!enabled || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    const composer = CG.sites.composerFor(event.target, site);
    const session = composer && sessions.get(composer);
    if (!session) return;
    const blocked = formSessions(session).filter((s) => decisionOf(s) === 'block');
    if (!blocked.length) return;
    stop(event);
    if (await confirmBlocked(blocked)) {
      const control = publishControlOf(composer);
      if (control) replay(control);
    }
  }

  // ---- typing, focus, cards ----------------------------------------------------

  /** The draft changed: keep the current highlights on their words, check again after a pause. */
  function changed(session) {
    if (session.checkedText !== null) paint(session);
    schedule(session);
  }

  function composerOf(event) {
    if (!enabled) return null;
    const composer = CG.sites.composerFor(event.target, site);
    if (!composer) return null;
    ensureUi();
    active = composer;
    return composer;
  }

  function onInput(event) {
    const composer = composerOf(event);
    if (!composer) return;
    const known = sessions.get(composer);
    // A contenteditable we already follow reports its edits through mutations.
    if (!known || !known.observer) changed(known || track(composer));
  }

  /** Starts following every filled field of the form `composer` belongs to, so the form's verdict covers them all. */
  function followForm(composer) {
    const scope = CG.sites.formScopeOf(composer);
    if (!scope) return;
    for (const field of CG.sites.fieldsIn(scope, site)) {
      if (field === composer || sessions.has(field) || !CG.textModel.readComposer(field).text.trim()) continue;
      schedule(track(field));
    }
  }

  function onFocus(event) {
    const composer = composerOf(event);
    if (!composer) return;
    const session = sessions.get(composer) || track(composer);
    followForm(composer);
    if (session.checkedText !== null) paint(session);
    else if (CG.textModel.readComposer(composer).text.trim()) schedule(session);
    else for (const other of formSessions(session)) if (other.checkedText !== null) return showForm(other);
    return undefined;
  }

  // A card opens on the word under the pointer or the caret, stays while the
  // pointer travels to it (grace delay), and closes on Escape.
  let cardSpan = null;
  let cardSource = null; // 'pointer' | 'caret'
  let hideTimer = 0;

  function openCard(hit, source) {
    clearTimeout(hideTimer);
    const key = `${hit.span.rule}@${hit.span.from}`;
    cardSource = source;
    if (!ui.tooltip.hidden && ui.tooltip.dataset.key === key) return;
    const own = new Set([hit.rect && `${hit.rect.left},${hit.rect.top}`]);
    const others = highlighter.paintedRects().filter((r) => !own.has(`${r.left},${r.top}`) && !(hit.rect && r.top === hit.rect.top && r.left === hit.rect.left));
    cardSpan = hit.span;
    const session = sessions.get(hit.composer);
    const same = (s) => s.rule === hit.span.rule && s.from === hit.span.from && s.to === hit.span.to;
    const alsoHere = session ? CG.findings.overlapping(currentSpans(session, false).spans, hit.span).filter((s) => !same(s)) : [];
    ui.showTooltip(hit.span, hit.rect, actionsFor(session), others, alsoHere);
  }

  function hideCard() {
    clearTimeout(hideTimer);
    cardSpan = null;
    cardSource = null;
    if (ui) ui.hideTooltip();
  }

  function hideCardSoon() {
    if (!cardSpan || hideTimer) return;
    hideTimer = setTimeout(() => { hideTimer = 0; hideCard(); }, CARD_GRACE_MS);
  }

  // Hover intent: a card opens once the pointer rests on a word, so a pointer
  // crossing the text does not flash cards; from one card to another word it switches at once.
  const HOVER_INTENT_MS = 120;
  let intentTimer = 0;
  let intentKey = null;
  function intendCard(hit) {
    const key = `${hit.span.rule}@${hit.span.from}`;
    clearTimeout(hideTimer);
    hideTimer = 0;
    if (cardSpan) return openCard(hit, 'pointer');
    if (key === intentKey) return undefined;
    intentKey = key;
    clearTimeout(intentTimer);
    intentTimer = setTimeout(() => { intentKey = null; openCard(hit, 'pointer'); }, HOVER_INTENT_MS);
    return undefined;
  }

  let hoverFrame = 0;
  function onPointerMove(event) {
    if (!highlighter || hoverFrame) return;
    const { clientX, clientY, target } = event;
    hoverFrame = requestAnimationFrame(() => {
      hoverFrame = 0;
      if (target === ui.host) { // over our own card or panel: keep the card
        clearTimeout(hideTimer);
        hideTimer = 0;
        return;
      }
      const hit = highlighter.spanAt(clientX, clientY);
      if (hit) return intendCard(hit);
      clearTimeout(intentTimer);
      intentKey = null;
      if (cardSource === 'pointer') hideCardSoon();
      return undefined;
    });
  }

  /** UTF-16 offset of the caret in `composer`, or null when there is a selection or no caret in it. */
  function caretOffset(composer) {
    if (CG.textModel.isTextField(composer)) {
      return composer.selectionStart === composer.selectionEnd ? composer.selectionStart : null;
    }
    const selection = document.getSelection();
    if (!selection || !selection.isCollapsed || !selection.anchorNode || !composer.contains(selection.anchorNode)) return null;
    const model = CG.textModel.readComposer(composer);
    const segment = model.segments.find((seg) => seg.node === selection.anchorNode);
    return segment ? segment.start + selection.anchorOffset : null;
  }

  const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

  /** Keyboard: moving the caret into a flagged word opens its card; Escape closes cards, the panel and the dialog. */
  function onKeyUp(event) {
    if (!enabled || !highlighter || !NAVIGATION_KEYS.has(event.key)) return;
    const composer = CG.sites.composerFor(event.target, site);
    if (!composer) return;
    const offset = caretOffset(composer);
    const hit = offset === null ? null : highlighter.spanAtOffset(composer, offset);
    if (hit && offset > hit.span.from && offset < hit.span.to) openCard(hit, 'caret');
    else if (cardSource === 'caret') hideCard();
  }

  /**
   * Alt+Enter in a field whose caret opened a card moves focus into the card
   * (its buttons), Escape there brings it back to the field.
   */
  function onCardKeys(event) {
    if (!ui) return;
    if (event.key === 'Enter' && event.altKey && cardSpan && !ui.tooltip.hidden && CG.sites.composerFor(event.target, site)) {
      const first = ui.tooltip.querySelector('button');
      if (!first) return;
      stop(event);
      first.focus();
      return;
    }
    if (event.key === 'Escape' && event.composedPath().includes(ui.tooltip)) {
      hideCard();
      if (active) active.focus();
      event.stopImmediatePropagation();
      return;
    }
    onEscape(event);
  }

  function onEscape(event) {
    if (event.key !== 'Escape' || !ui) return;
    if (ui.closeTransient()) {
      cardSpan = null;
      cardSource = null;
      // The site must not also close its composer dialog for this Escape.
      event.stopImmediatePropagation();
    }
  }

  // Layout changes nobody types or scrolls for (a banner pushing the composer
  // down, a resized field): re-place mirrors, badge and panel once per frame.
  let layoutFrame = 0;
  function onLayoutChange() {
    if (!ui || layoutFrame) return;
    layoutFrame = requestAnimationFrame(() => {
      layoutFrame = 0;
      highlighter.reposition();
      ui.placeBadge(active);
    });
  }

  /** Drops composers the site removed (closed dialogs, sent posts). */
  function sweep() {
    for (const session of sessions.values()) if (!session.composer.isConnected) forget(session);
    if (ui && active && !active.isConnected) ui.hideBadge();
  }

  function setEnabled(settings) {
    const paused = settings.pausedSites.includes(location.hostname);
    enabled = !paused && (site.id === 'internal' || settings.sites[site.id] !== false);
    root.dataset.charterguardPaused = String(paused);
    if (!enabled) {
      for (const session of [...sessions.values()]) forget(session);
      if (ui) ui.hideBadge();
    }
  }

  /** The popup asks which site this tab is and whether it is paused. */
  function onMessage(message, _sender, sendResponse) {
    if (!message || message.type !== CG.messages.SITE) return false;
    sendResponse({ hostname: location.hostname, channel: site.channel, enabled, paused: root.dataset.charterguardPaused === 'true',
      state: root.dataset.charterguardState || null });
    return false;
  }

  async function start() {
    setEnabled(CG.settings.normalize(await ext.storage.local.get(null)));
    ext.storage.onChanged.addListener(async (changes, area) => {
      if (area === 'local' && (changes.sites || changes.pausedSites)) setEnabled(CG.settings.normalize(await ext.storage.local.get(null)));
    });
    ext.runtime.onMessage.addListener(onMessage);
    window.addEventListener('click', onPublishClick, true);
    window.addEventListener('keydown', onPublishShortcut, true);
    window.addEventListener('keydown', onCardKeys, true);
    document.addEventListener('keyup', onKeyUp, true);
    document.addEventListener('input', onInput, true);
    document.addEventListener('focusin', onFocus, true);
    document.addEventListener('mousemove', onPointerMove, { passive: true, capture: true });
    window.addEventListener('scroll', onLayoutChange, { passive: true, capture: true });
    window.addEventListener('resize', onLayoutChange, { passive: true });
    new MutationObserver(onLayoutChange).observe(document.documentElement, {
      childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'],
    });
    setInterval(sweep, 1000);
    root.dataset.charterguardLoaded = site.channel;
  }

  start();
})();
