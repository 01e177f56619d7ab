'use strict';
// Decides what to do when the user clicks the site's publish button. The
// extension only ever stops a post the API has judged "block" for exactly the
// text being published; when it does not know (API down), it lets it go.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'guard', function () {
  /**
   * @param state {checkedText, verdict, offline, overriddenText} of the composer
   * @param text the composer's text now
   * @returns 'allow' | 'block' | 'recheck' (stale or missing verdict: check first)
   */
  function publishDecision(state, text) {
    if (!text.trim() || state.offline) return 'allow';
    if (state.checkedText !== text) return 'recheck';
    if (state.verdict !== 'block' || state.overriddenText === text) return 'allow';
    return 'block';
  }

  /** The rule ids a "publish anyway" overrides. */
  function blockingRules(spans) {
    return [...new Set(spans.filter((span) => span.severityClass === 'block').map((span) => span.rule))];
  }

  return { publishDecision, blockingRules };
});
