'use strict';
// The user's settings (chrome.storage.local) and their defaults. Shared by the
// service worker, the popup, the options page and the content script.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'settings', function () {
  const DEFAULTS = Object.freeze({
    apiUrl: 'http://127.0.0.1:8000',
    apiKey: '',
    charter: '', // empty: the server's default charter
    language: 'auto', // language of the posts sent to the API: auto | fr | en
    sites: { linkedin: true, x: true, facebook: true },
    internalSites: [], // match patterns of enabled internal networks
    pausedSites: [], // host names where the user paused checking (from the popup)
  });

  function normalize(stored) {
    const raw = stored || {};
    return {
      apiUrl: normalizeApiUrl(raw.apiUrl) || DEFAULTS.apiUrl,
      apiKey: typeof raw.apiKey === 'string' ? raw.apiKey.trim() : '',
      charter: typeof raw.charter === 'string' ? raw.charter.trim() : '',
      language: ['auto', 'fr', 'en'].includes(raw.language) ? raw.language : DEFAULTS.language,
      sites: { ...DEFAULTS.sites, ...(raw.sites || {}) },
      internalSites: Array.isArray(raw.internalSites) ? raw.internalSites.filter(Boolean) : [],
      pausedSites: Array.isArray(raw.pausedSites) ? raw.pausedSites.filter((h) => typeof h === 'string' && h) : [],
    };
  }

  /** "http://host:port/" -> "http://host:port"; null when not an http(s) URL. */
  function normalizeApiUrl(value) {
    if (typeof value !== 'string' || !value.trim()) return null;
    try {
      const url = new URL(value.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      return url.href.replace(/\/+$/, '');
    } catch {
      return null;
    }
  }

  /**
   * A site the user typed ("intranet.example.com", "https://intranet.example.com/feed",
   * "*://*.corp.example/*") as a match pattern, or null when it is not one.
   */
  function toMatchPattern(input) {
    const value = String(input || '').trim();
    if (!value) return null;
    if (value.includes('*')) {
      const pattern = /^(\*|https?):\/\/(\*|(\*\.)?[a-z0-9.-]+)(:\d+)?\/.*$/i;
      return pattern.test(value) ? value.replace(/:\d+(?=\/)/, '') : null; // match patterns ignore ports
    }
    const host = value.replace(/^https?:\/\//i, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(host)) return null;
    return `*://${host.toLowerCase()}/*`;
  }

  /** Origin pattern to request host permission for the API URL. */
  function apiOriginPattern(apiUrl) {
    const url = new URL(apiUrl);
    return `${url.protocol}//${url.hostname}/*`;
  }

  return { DEFAULTS, normalize, normalizeApiUrl, toMatchPattern, apiOriginPattern };
});
