'use strict';
// Popup: paste any text, check it against the charter, see whether the API is up.
(function () {
  const ext = globalThis.browser || globalThis.chrome;
  const { i18n, findings, status } = globalThis.CharterGuard;
  const { t } = status;
  const $ = (id) => document.getElementById(id);

  function line(className, text) {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
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
      item.append(line('', `“${span.text}” — ${span.message || span.rule}`));
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
    const response = await ext.runtime.sendMessage({ type: 'cg:check', text, channel: $('channel').value || undefined })
      .catch(() => null);
    $('check').disabled = false;
    if (response && response.ok) showReport(text, response.report);
    else $('result').replaceChildren(line('error', t('resultError', [response ? response.error.message : 'extension'])));
  }

  i18n.localize(document, (key, subs) => ext.i18n.getMessage(key, subs));
  $('check').addEventListener('click', check);
  $('open-options').addEventListener('click', (event) => {
    event.preventDefault();
    ext.runtime.openOptionsPage();
  });
  status.showApiStatus(document);
})();
