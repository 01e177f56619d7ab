'use strict';
// Shows whether the API answers, on the popup, the options and the onboarding pages.
(function (root) {
  const ext = root.browser || root.chrome;
  const t = (key, subs) => ext.i18n.getMessage(key, subs) || key;

  /** "API : joignable · version 0.1.0" (the health status word is no news to the user once the API answers). */
  async function showApiStatus(doc, probe) {
    const line = doc.getElementById('api-status');
    line.dataset.state = 'checking';
    line.textContent = t('apiChecking');
    const status = await ext.runtime.sendMessage({ type: root.CharterGuard.messages.STATUS, ...(probe || {}) }).catch(() => null);
    if (status && status.ok) {
      const version = status.health && status.health.version;
      line.dataset.state = 'ok';
      line.textContent = version ? `${t('apiReachable')} · ${t('apiVersion', [String(version)])}` : t('apiReachable');
    } else {
      line.dataset.state = 'error';
      const unauthorized = status && status.error && status.error.code === 'unauthorized';
      line.textContent = unauthorized ? t('apiUnauthorized') : t('apiUnreachable', [status ? status.apiUrl : '?']);
    }
    return status;
  }

  (root.CharterGuard = root.CharterGuard || {}).status = { showApiStatus, t };
})(globalThis);
