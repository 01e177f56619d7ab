'use strict';
// Paints findings in place with the CSS Custom Highlight API: ranges are
// registered in CSS.highlights and styled by ::highlight(), so the editor's
// DOM, selection and caret are never touched (Draft.js, Lexical and Quill
// reconcile their DOM and would fight any injected <span>). A <textarea> has
// no DOM text to range over, so it gets a transparent mirror laid over it
// inside our own shadow root, and the highlights go on the mirror's text.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./text-model.js'));
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory(root.CharterGuard.textModel);
})(globalThis, 'highlighter', function (textModel) {
  const HIGHLIGHT_NAMES = { block: 'charterguard-block', warn: 'charterguard-warn', info: 'charterguard-info' };
  const MIRRORED_STYLES = [
    'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'line-height',
    'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align', 'direction',
    'tab-size', 'box-sizing', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
    'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  ];

  function supported(win) {
    return typeof win.Highlight === 'function' && Boolean(win.CSS && win.CSS.highlights);
  }

  function createHighlighter(win, mirrorParent) {
    const doc = win.document;
    const painted = new Map(); // composer -> [{span, range}]
    const mirrors = new Map(); // textarea or input -> mirror div
    // A field that moves or resizes without any event we listen to (a banner pushed it
    // down, the user dragged its corner, the site's layout reflowed) must take its
    // mirror along: ResizeObserver sees size changes; the content script reports the rest.
    const resized = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(() => reposition()) : null;

    function mirrorFor(field) {
      let mirror = mirrors.get(field);
      if (!mirror) {
        mirror = doc.createElement('div');
        mirror.className = 'cg-mirror';
        mirror.setAttribute('aria-hidden', 'true');
        mirror.appendChild(doc.createTextNode(''));
        if (field.tagName === 'INPUT') mirror.dataset.singleLine = '';
        mirrorParent.appendChild(mirror);
        mirrors.set(field, mirror);
        if (resized) resized.observe(field);
      }
      return mirror;
    }

    function placeMirror(field, mirror) {
      const style = win.getComputedStyle(field);
      for (const prop of MIRRORED_STYLES) mirror.style.setProperty(prop, style.getPropertyValue(prop));
      const rect = field.getBoundingClientRect();
      Object.assign(mirror.style, {
        left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px`,
      });
      if (field.tagName === 'INPUT') {
        // An input centres its one line vertically: so does a line as tall as its content box.
        const inner = rect.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
          - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
        mirror.style.lineHeight = `${Math.max(0, inner)}px`;
      }
      mirror.scrollTop = field.scrollTop;
      mirror.scrollLeft = field.scrollLeft;
    }

    /** Ranges for spans over a composer's current model. */
    function rangesFor(composer, model, spans) {
      if (model.field) {
        const mirror = mirrorFor(composer);
        // A trailing newline keeps the mirror's last line as tall as the textarea's.
        mirror.firstChild.data = composer.tagName === 'INPUT' ? model.text : `${model.text}\n`;
        placeMirror(composer, mirror);
        return spans.map((span) => {
          const range = doc.createRange();
          range.setStart(mirror.firstChild, Math.min(span.from, model.text.length));
          range.setEnd(mirror.firstChild, Math.min(span.to, model.text.length));
          return { span, range };
        });
      }
      return spans
        .map((span) => ({ span, range: textModel.rangeFor(model, span.from, span.to, doc) }))
        .filter((item) => item.range);
    }

    function repaint() {
      if (!supported(win)) return;
      const bySeverity = { block: [], warn: [], info: [] };
      for (const items of painted.values()) {
        for (const { span, range } of items) bySeverity[span.severityClass].push(range);
      }
      for (const [severity, highlightName] of Object.entries(HIGHLIGHT_NAMES)) {
        if (bySeverity[severity].length) win.CSS.highlights.set(highlightName, new win.Highlight(...bySeverity[severity]));
        else win.CSS.highlights.delete(highlightName);
      }
    }

    function show(composer, model, spans) {
      painted.set(composer, rangesFor(composer, model, spans));
      repaint();
    }

    function clear(composer) {
      painted.delete(composer);
      const mirror = mirrors.get(composer);
      if (mirror) {
        mirror.remove();
        mirrors.delete(composer);
        if (resized) resized.unobserve(composer);
      }
      repaint();
    }

    /** Keeps textarea mirrors glued to their fields after scroll, resize or layout changes. */
    function reposition() {
      for (const [field, mirror] of mirrors) {
        if (field.isConnected) placeMirror(field, mirror);
        else clear(field);
      }
    }

    /** The painted finding under the pointer, if any, with the rectangle of the line box it was hit in. */
    function spanAt(x, y) {
      for (const [composer, items] of painted) {
        for (const { span, range } of items) {
          for (const rect of range.getClientRects()) {
            if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { composer, span, rect };
          }
        }
      }
      return null;
    }

    /** The painted finding of `composer` whose text holds UTF-16 offset `offset` (the caret), if any. */
    function spanAtOffset(composer, offset) {
      const items = painted.get(composer) || [];
      const hit = items.find(({ span }) => offset >= span.from && offset <= span.to);
      return hit ? { composer, span: hit.span, rect: hit.range.getClientRects()[0] || hit.range.getBoundingClientRect() } : null;
    }

    /** Rectangles of every painted finding (a card must not hide them). */
    function paintedRects() {
      return [...painted.values()].flatMap((items) => items.flatMap(({ range }) => [...range.getClientRects()]));
    }

    return { show, clear, reposition, spanAt, spanAtOffset, paintedRects };
  }

  return { createHighlighter, supported };
});
