'use strict';
// Shows whether the API answers, on the popup and the options page.
(function (root) {
  const ext = root.browser || root.chrome;
  const t = (key, subs) => ext.i18n.getMessage(key, subs) || key;

  async function showApiStatus(doc) {
    const line = doc.getElementById('api-status');
    const text = doc.getElementById('api-status-text');
    text.textContent = t('apiChecking');
    const status = await ext.runtime.sendMessage({ type: 'cg:status' }).catch(() => null);
    if (status && status.ok) {
      const health = status.health || {};
      const detail = [health.version && `v${health.version}`, health.status].filter(Boolean).join(', ') || 'ok';
      line.dataset.state = 'ok';
      text.textContent = t('apiReachable', [detail]);
    } else {
      line.dataset.state = 'error';
      const unauthorized = status && status.error && status.error.code === 'unauthorized';
      text.textContent = unauthorized ? t('apiUnauthorized') : t('apiUnreachable', [status ? status.apiUrl : '?']);
    }
    return status;
  }

  (root.CharterGuard = root.CharterGuard || {}).status = { showApiStatus, t };
})(globalThis);
