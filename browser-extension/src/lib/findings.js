'use strict';
// Turns a report's findings into spans over the JavaScript string that was
// checked, and keeps them anchored while the user goes on typing, so that
// highlights do not jump or vanish between two checks.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./offsets.js'));
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory(root.CharterGuard.offsets);
})(globalThis, 'findings', function (offsets) {
  const SEVERITY_RANK = { block: 3, warn: 2, info: 1 };

  function severityClass(severity) {
    return SEVERITY_RANK[severity] ? severity : 'info';
  }

  /**
   * Findings of `report` with UTF-16 `from`/`to` over `text` (the text sent to the API).
   * Every finding keeps its own span and replacement, even where findings overlap
   * (they then share a `group`): applying one changes that span only. A finding
   * without a string `replacement` (a length budget, a missing disclosure) is not
   * text to replace: `applicable` is false.
   */
  function spansFromReport(text, report) {
    return (report.findings || []).map((finding) => {
      const span = offsets.findingSpan(text, finding);
      return {
        ...finding,
        from: span.start,
        to: span.end,
        severityClass: severityClass(finding.severity),
        applicable: typeof finding.replacement === 'string',
      };
    });
  }

  /**
   * Every span that overlaps `span` (itself included), most severe first, then
   * narrowest: what a tooltip over one of them shows, so that two overlapping
   * warnings are both seen ("Acme Group, c'est la pire boîte" is both a missing
   * disclosure and disparagement).
   */
  function overlapping(spans, span) {
    return spans.filter((other) => other === span || (other.from < span.to && span.from < other.to)).sort(bySeverityThenPosition);
  }

  /**
   * Re-anchors spans computed on `oldText` into `newText`: a span whose text is
   * still there (nearest occurrence to its old place) moves along; one whose
   * text was edited away is dropped until the next check.
   */
  function reanchor(spans, oldText, newText) {
    if (oldText === newText) return spans;
    const kept = [];
    for (const span of spans) {
      const needle = oldText.slice(span.from, span.to);
      if (!needle) continue;
      const at = nearestIndexOf(newText, needle, span.from);
      if (at >= 0) kept.push({ ...span, from: at, to: at + needle.length });
    }
    return kept;
  }

  function nearestIndexOf(haystack, needle, around) {
    let best = -1;
    for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      if (best < 0 || Math.abs(i - around) < Math.abs(best - around)) best = i;
      if (i > around) break;
    }
    return best;
  }

  /** Blocking first; then by position; then the narrowest (a code name before the length budget around it). */
  function bySeverityThenPosition(a, b) {
    return (SEVERITY_RANK[b.severityClass] - SEVERITY_RANK[a.severityClass]) || (a.from - b.from) || ((a.to - a.from) - (b.to - b.from));
  }

  return { spansFromReport, reanchor, bySeverityThenPosition, overlapping };
});
