'use strict';
// First run: look for the API at the configured (default: local) address; if
// nothing answers, ask for its address; if it wants a key, ask for the key;
// save both once the API has accepted them.
(function () {
  const ext = globalThis.browser || globalThis.chrome;
  const { i18n, settings: Settings, status } = globalThis.CharterGuard;
  const { t } = status;
  const $ = (id) => document.getElementById(id);

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : 'muted';
  }

  function ask(text, needKey) {
    $('connect').hidden = false;
    $('ask').textContent = text;
    $('key-row').hidden = !needKey;
    (needKey ? $('apiKey') : $('apiUrl')).focus();
  }

  async function paired(apiUrl, apiKey) {
    await ext.storage.local.set({ apiUrl, apiKey });
    $('api-status').textContent = t('onbFound', [apiUrl]);
    $('connect').hidden = true;
    $('done').hidden = false;
  }

  /** Tries the API at `apiUrl` with `apiKey`; returns 'ok', 'unauthorized' or 'unreachable'. */
  async function probe(apiUrl, apiKey) {
    const result = await status.showApiStatus(document, { apiUrl, apiKey });
    if (result && result.ok) return 'ok';
    return result && result.error && result.error.code === 'unauthorized' ? 'unauthorized' : 'unreachable';
  }

  async function connect(event) {
    event.preventDefault();
    const apiUrl = Settings.normalizeApiUrl($('apiUrl').value);
    if (!apiUrl) return say(t('optInvalidUrl'), true);
    const apiKey = $('apiKey').value.trim();
    const outcome = await probe(apiUrl, apiKey);
    if (outcome === 'ok') return paired(apiUrl, apiKey);
    if (outcome === 'unauthorized') {
      ask(t('onbKeyNeeded'), true);
      return say(apiKey ? t('onbKeyRejected') : '', Boolean(apiKey));
    }
    return ask(t('onbNotFound', [apiUrl]), !$('key-row').hidden);
  }

  async function init() {
    i18n.localize(document, (key, subs) => ext.i18n.getMessage(key, subs));
    const settings = Settings.normalize(await ext.storage.local.get(null));
    $('apiUrl').value = settings.apiUrl;
    $('connect').addEventListener('submit', connect);
    $('api-status').textContent = t('onbSearching', [settings.apiUrl]);
    const outcome = await probe(settings.apiUrl, settings.apiKey);
    if (outcome === 'ok') return paired(settings.apiUrl, settings.apiKey);
    if (outcome === 'unauthorized') return ask(t('onbKeyNeeded'), true);
    return ask(t('onbNotFound', [settings.apiUrl]), false);
  }

  init();
})();
