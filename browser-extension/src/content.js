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
    const response = await send({ type: 'cg:check', text, channel: site.channel });
    clearTimeout(session.slowTimer);
    if (seq !== session.seq || !session.composer.isConnected) return undefined;
    root.dataset.charterguardChecks = String(Number(root.dataset.charterguardChecks || 0) + 1);
    if (!response.ok) {
      Object.assign(session, { offline: true, spans: [], checkedText: null });
      highlighter.clear(session.composer);
      if (session.composer === active) ui.renderPanel([], null);
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

  /** Paints the last result over the composer's current text (re-anchored if the user typed since). */
  function paint(session) {
    const model = CG.textModel.readComposer(session.composer);
    if (session.checkedText === null) return;
    const spans = CG.findings.reanchor(session.spans, session.checkedText, model.text);
    highlighter.show(session.composer, model, spans);
    if (session.composer === active) ui.renderPanel(spans, (span) => applySuggestion(session, span));
    showState(session, spans.length ? session.verdict : 'pass', spans.length);
  }

  function showState(session, state, total) {
    root.dataset.charterguardState = state;
    if (session.composer === active) ui.showBadge(session.composer, state, total || 0);
  }

  /** The draft was emptied: nothing to show until the user types again. */
  function reset(session) {
    session.seq += 1; // drop any answer still on its way
    Object.assign(session, { checkedText: null, spans: [], verdict: null, offline: false, notes: [], incomplete: false });
    highlighter.clear(session.composer);
    if (session.composer === active) ui.hideBadge();
    root.dataset.charterguardState = 'empty';
  }

  /** The composer left the page (dialog closed, post sent). */
  function forget(session) {
    clearTimeout(session.timer);
    if (session.observer) session.observer.disconnect();
    reset(session);
    sessions.delete(session.composer);
  }

  // ---- suggestions ---------------------------------------------------------

  function applySuggestion(session, span) {
    ui.hideTooltip();
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

  async function onPublishClick(event) {
    if (!enabled) return;
    const control = CG.sites.publishControlFor(event.target, site);
    if (!control) return;
    if (control === replayControl) {
      replayControl = null;
      return;
    }
    const composer = CG.sites.composerForControl(control, [...sessions.keys()], active);
    const session = composer && sessions.get(composer);
    if (!session) return;
    const text = CG.textModel.readComposer(composer).text;
    const decision = CG.guard.publishDecision(session, text);
    if (decision === 'allow') return;
    stop(event);
    if (decision === 'recheck') {
      const timedOut = new Promise((resolve) => { setTimeout(() => resolve('timeout'), PUBLISH_RECHECK_MS); });
      await Promise.race([runCheck(session), timedOut]);
      if (CG.guard.publishDecision(session, text) !== 'block') return replay(control);
    }
    if (await confirmBlocked(session, text)) replay(control);
  }

  /**
   * Explains the block; resolves true when the user chose to publish anyway
   * (the charter allows it) and the reason went to the API.
   */
  async function confirmBlocked(session, text) {
    const answer = await ui.askAboutBlockedPost(session.spans, session.allowAnyway, session.notes);
    if (answer.action === 'back') {
      session.composer.focus();
      return false;
    }
    const recorded = await send({
      type: 'cg:override', text, channel: site.channel, rules: CG.guard.blockingRules(session.spans), reason: answer.reason,
    });
    // Publishing anyway was the user's call, allowed by the charter: an API
    // failure here must not trap the post, but the user is told.
    ui.showToast(recorded.ok ? t('overrideRecorded') : t('overrideNotRecorded'));
    session.overriddenText = text;
    return true;
  }

  /** The site's publish control that sends this composer, if it can be found. */
  function publishControlOf(composer) {
    if (!site.publish.length) return null;
    const controls = [...document.querySelectorAll(site.publish.join(','))];
    return controls.find((control) => CG.sites.composerForControl(control, [composer], null) === composer) || null;
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
    const text = CG.textModel.readComposer(composer).text;
    if (CG.guard.publishDecision(session, text) !== 'block') return;
    stop(event);
    if (await confirmBlocked(session, text)) {
      const control = publishControlOf(composer);
      if (control) replay(control);
    }
  }

  // ---- typing, focus, hover ----------------------------------------------------

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

  function onFocus(event) {
    const composer = composerOf(event);
    if (!composer) return;
    const session = sessions.get(composer) || track(composer);
    if (session.checkedText !== null) paint(session);
    else if (CG.textModel.readComposer(composer).text.trim()) schedule(session);
  }

  let hoverFrame = 0;
  function onPointerMove(event) {
    if (!highlighter || hoverFrame) return;
    const { clientX, clientY, target } = event;
    hoverFrame = requestAnimationFrame(() => {
      hoverFrame = 0;
      if (target === ui.host) return; // over our own tooltip: keep it open
      const hit = highlighter.spanAt(clientX, clientY);
      if (!hit) return ui.hideTooltip();
      if (ui.tooltip.hidden || ui.tooltip.dataset.key !== `${hit.span.rule}@${hit.span.from}`) {
        ui.showTooltip(hit.span, clientX, clientY, (span) => applySuggestion(sessions.get(hit.composer), span));
      }
      return undefined;
    });
  }

  function onLayoutChange() {
    if (!ui) return;
    highlighter.reposition();
    ui.placeBadge(active);
  }

  /** Drops composers the site removed (closed dialogs, sent posts). */
  function sweep() {
    for (const session of sessions.values()) if (!session.composer.isConnected) forget(session);
    if (ui && active && !active.isConnected) ui.hideBadge();
  }

  function setEnabled(settings) {
    enabled = site.id === 'internal' || settings.sites[site.id] !== false;
    if (!enabled) for (const session of [...sessions.values()]) forget(session);
  }

  async function start() {
    setEnabled(CG.settings.normalize(await ext.storage.local.get(null)));
    ext.storage.onChanged.addListener(async (changes, area) => {
      if (area === 'local' && changes.sites) setEnabled(CG.settings.normalize(await ext.storage.local.get(null)));
    });
    window.addEventListener('click', onPublishClick, true);
    window.addEventListener('keydown', onPublishShortcut, true);
    document.addEventListener('input', onInput, true);
    document.addEventListener('focusin', onFocus, true);
    document.addEventListener('mousemove', onPointerMove, { passive: true, capture: true });
    window.addEventListener('scroll', onLayoutChange, { passive: true, capture: true });
    window.addEventListener('resize', onLayoutChange, { passive: true });
    setInterval(sweep, 1000);
    root.dataset.charterguardLoaded = site.channel;
  }

  start();
})();
