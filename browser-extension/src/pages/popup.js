'use strict';
// Popup: the API's state, pause or resume checking on the current site, and
// a box to check any pasted text against the charter.
(function () {
  const ext = globalThis.browser || globalThis.chrome;
  const { i18n, findings, status, settings: Settings, messages: Message } = globalThis.CharterGuard;
  const { t } = status;
  const $ = (id) => document.getElementById(id);

  function line(className, text) {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  }

  /** "« Colibri » est un nom de code…": the message alone when it already quotes the flagged text. */
  function findingLine(span) {
    const message = span.message || span.rule;
    return message.includes(span.text) ? message : `${t('quoted', [span.text])} — ${message}`;
  }

  function showReport(text, report) {
    const result = $('result');
    const verdictName = { block: t('verdictBlock'), warn: t('severity_warn'), pass: t('verdictPass') }[report.verdict] || report.verdict;
    const verdict = line('verdict', t('verdictLabel', [verdictName]));
    verdict.dataset.verdict = report.verdict;
    const list = document.createElement('ul');
    list.className = 'findings';
    for (const span of findings.spansFromReport(text, report).sort(findings.bySeverityThenPosition)) {
      const item = document.createElement('li');
      item.dataset.rule = span.rule;
      item.dataset.severity = span.severityClass;
      item.append(line('', findingLine(span)));
      if (span.clause) item.append(line('muted', t('clause', [span.clause])));
      if (span.suggestion) item.append(line('muted', t('suggestion', [span.suggestion])));
      list.append(item);
    }
    result.replaceChildren(verdict, report.findings.length ? list : line('muted', t('resultPass')));
  }

  async function check() {
    const text = $('text').value;
    if (!text.trim()) return;
    $('check').disabled = true;
    const response = await ext.runtime.sendMessage({ type: Message.CHECK, text, channel: $('channel').value || undefined })
      .catch(() => null);
    $('check').disabled = false;
    if (response && response.ok) showReport(text, response.report);
    else $('result').replaceChildren(line('error', t('resultError', [response ? response.error.message : 'extension'])));
  }

  /**
   * The site of the tab the popup was opened over: the active tab of this
   * window, else (popup opened in a tab of its own) the last tab used. Its
   * content script says which host it is; no "tabs" permission is needed.
   */
  async function currentSite() {
    const own = await ext.tabs.getCurrent().catch(() => null);
    const tabs = (await ext.tabs.query({}).catch(() => [])).filter((tab) => !own || tab.id !== own.id);
    const [activeHere] = await ext.tabs.query({ active: true, currentWindow: true }).catch(() => []);
    const ordered = activeHere && (!own || activeHere.id !== own.id) ? [activeHere] : tabs.sort((a, b) => (b.lastAccessed || 0) - (a.lastAccessed || 0));
    for (const tab of ordered) {
      const answer = await ext.tabs.sendMessage(tab.id, { type: Message.SITE }).catch(() => null);
      if (answer && answer.hostname) return answer;
    }
    return null;
  }

  async function showSite() {
    const site = await currentSite();
    if (!site) return;
    const settings = Settings.normalize(await ext.storage.local.get(null));
    const paused = settings.pausedSites.includes(site.hostname);
    $('site').hidden = false;
    $('site-state').textContent = paused ? t('sitePaused') : site.hostname;
    $('pause').textContent = paused ? t('resumeSite', [site.hostname]) : t('pauseSite', [site.hostname]);
    $('pause').dataset.paused = String(paused);
    $('pause').onclick = async () => {
      const current = Settings.normalize(await ext.storage.local.get(null)).pausedSites;
      const next = paused ? current.filter((h) => h !== site.hostname) : [...new Set([...current, site.hostname])];
      await ext.storage.local.set({ pausedSites: next });
      showSite();
    };
  }

  i18n.localize(document, (key, subs) => ext.i18n.getMessage(key, subs));
  $('check').addEventListener('click', check);
  $('open-options').addEventListener('click', (event) => {
    event.preventDefault();
    ext.runtime.openOptionsPage();
  });
  $('setup-link').addEventListener('click', (event) => {
    event.preventDefault();
    ext.tabs.create({ url: ext.runtime.getURL('src/pages/onboarding.html') });
  });
  // API unreachable or key refused: offer the first-run page that finds it and pairs a key.
  status.showApiStatus(document).then((result) => { $('setup').hidden = Boolean(result && result.ok); });
  showSite();
})();
