'use strict';
// The API reports Python string indices, i.e. Unicode code points. JavaScript
// strings index UTF-16 code units, so every astral character (emoji, some CJK)
// shifts the two apart by one. All conversions between the two live here.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'offsets', function () {
  /** UTF-16 index of the code point at position `cp` (clamped to the text). */
  function codePointToUtf16(text, cp) {
    let units = 0;
    let points = 0;
    while (points < cp && units < text.length) {
      const code = text.charCodeAt(units);
      const isHighSurrogate = code >= 0xd800 && code <= 0xdbff && units + 1 < text.length;
      units += isHighSurrogate ? 2 : 1;
      points += 1;
    }
    return units;
  }

  /** Converts a finding's code-point span to a UTF-16 span of the same text. */
  function findingSpan(text, finding) {
    return {
      start: codePointToUtf16(text, finding.start),
      end: codePointToUtf16(text, finding.end),
    };
  }

  return { codePointToUtf16, findingSpan };
});
