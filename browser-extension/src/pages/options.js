'use strict';
// Options page: API URL and key, charter, post language, enabled sites.
(function () {
  const ext = globalThis.browser || globalThis.chrome;
  const { i18n, settings: Settings, status } = globalThis.CharterGuard;
  const { t } = status;
  const $ = (id) => document.getElementById(id);
  const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : 'muted';
  }

  function charterNames(list) {
    const items = Array.isArray(list) ? list : (list && list.charters) || [];
    return items.map((item) => (typeof item === 'string' ? item : item.name)).filter(Boolean);
  }

  function fillCharters(names, current) {
    const select = $('charter');
    const wanted = new Set(names);
    if (current) wanted.add(current); // keep a saved charter the server no longer lists
    select.replaceChildren(select.options[0]);
    for (const name of wanted) select.add(new Option(name, name));
    select.value = current;
  }

  async function refreshStatus(current) {
    const result = await status.showApiStatus(document);
    fillCharters(result && result.ok ? charterNames(result.charters) : [], current);
  }

  function show(settings) {
    $('apiUrl').value = settings.apiUrl;
    $('apiKey').value = settings.apiKey;
    $('language').value = settings.language;
    for (const box of document.querySelectorAll('input[name=site]')) box.checked = settings.sites[box.value] !== false;
    $('internalSites').value = settings.internalSites.join('\n');
  }

  /** Reads the form; returns {settings} or {error}. */
  function readForm() {
    const apiUrl = Settings.normalizeApiUrl($('apiUrl').value);
    if (!apiUrl) return { error: t('optInvalidUrl') };
    const lines = $('internalSites').value.split('\n').map((s) => s.trim()).filter(Boolean);
    const invalid = lines.filter((s) => !Settings.toMatchPattern(s));
    if (invalid.length) return { error: t('optInvalidSites', [invalid.join(', ')]) };
    const sites = {};
    for (const box of document.querySelectorAll('input[name=site]')) sites[box.value] = box.checked;
    return {
      settings: Settings.normalize({
        apiUrl, apiKey: $('apiKey').value, charter: $('charter').value, language: $('language').value,
        sites, internalSites: [...new Set(lines.map(Settings.toMatchPattern))],
      }),
    };
  }

  function save(event) {
    event.preventDefault();
    const { settings, error } = readForm();
    if (error) return say(error, true);
    // Host permissions must be requested straight from the click (user gesture).
    const origins = [...settings.internalSites];
    if (!LOOPBACK.has(new URL(settings.apiUrl).hostname)) origins.push(Settings.apiOriginPattern(settings.apiUrl));
    const granted = origins.length ? ext.permissions.request({ origins }).catch(() => false) : Promise.resolve(true);
    return granted.then(async (ok) => {
      await ext.storage.local.set(settings);
      say(ok ? t('optSaved') : t('optPermissionDenied'), !ok);
      refreshStatus(settings.charter);
    });
  }

  async function init() {
    i18n.localize(document, (key, subs) => ext.i18n.getMessage(key, subs));
    const settings = Settings.normalize(await ext.storage.local.get(null));
    show(settings);
    $('options').addEventListener('submit', save);
    refreshStatus(settings.charter);
  }

  init();
})();
