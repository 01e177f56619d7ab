'use strict';
// The only code that talks HTTP to the charterguard API. It runs in the
// service worker: content scripts cannot reach a loopback API (CORS, Local
// Network Access), the extension's own origin can. Every failure comes back
// as {code, message} so callers can degrade quietly.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'apiClient', function () {
  class ApiError extends Error {
    constructor(code, message, status) {
      super(message);
      this.code = code;
      this.status = status || 0;
    }
  }

  function createApiClient({ baseUrl, apiKey, fetchImpl, timeoutMs = 6000 }) {
    const doFetch = fetchImpl || globalThis.fetch.bind(globalThis);

    async function request(method, path, body) {
      const headers = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response;
      try {
        response = await doFetch(baseUrl + path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (err) {
        const timedOut = controller.signal.aborted;
        throw new ApiError(timedOut ? 'timeout' : 'unreachable', timedOut ? 'API timed out' : 'API unreachable');
      } finally {
        clearTimeout(timer);
      }
      const payload = await response.json().catch(() => null);
      if (!response.ok) {
        const error = (payload && payload.error) || {};
        const code = response.status === 401 || response.status === 403 ? 'unauthorized' : error.code || 'http_error';
        throw new ApiError(code, error.message || `HTTP ${response.status}`, response.status);
      }
      return payload;
    }

    return {
      check: (body) => request('POST', '/v1/check', body),
      override: (body) => request('POST', '/v1/overrides', body),
      dismiss: (body) => request('POST', '/v1/dismissals', body),
      health: () => request('GET', '/healthz'),
      ready: () => request('GET', '/readyz'),
      charters: () => request('GET', '/v1/charters'),
      charter: (name) => request('GET', `/v1/charters/${encodeURIComponent(name)}`),
    };
  }

  /** The POST /v1/check body for a draft, given the user's settings. */
  function checkBody(settings, text, channel) {
    const body = { text };
    if (channel) body.channel = channel;
    if (settings.language !== 'auto') body.lang = settings.language;
    if (settings.charter) body.charter = settings.charter;
    return body;
  }

  return { createApiClient, checkBody };
});
