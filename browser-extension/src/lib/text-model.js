'use strict';
// Reads the plain text of a composer and maps text offsets back to DOM
// positions, without touching the editor. Rich editors (Quill, Draft.js,
// Lexical) render one block element per paragraph and a lone <br> for an
// empty one; the text we send joins blocks with "\n" so that the API sees
// the same line structure the user sees.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory();
})(globalThis, 'textModel', function () {
  const BLOCK_TAGS = new Set([
    'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
    'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'TR', 'TABLE',
  ]);
  const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

  function isTextField(el) {
    return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
  }

  /**
   * Builds {text, segments} for a composer. For a contenteditable, each
   * segment ties a Text node to the UTF-16 span it occupies in `text`.
   */
  function readComposer(el) {
    if (isTextField(el)) return { text: el.value, segments: null, field: el };
    const segments = [];
    let text = '';
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          segments.push({ node: child, start: text.length, end: text.length + child.data.length });
          text += child.data;
        } else if (child.nodeType === 1 && !SKIPPED_TAGS.has(child.tagName)) {
          if (child.tagName === 'BR') {
            text += '\n';
            continue;
          }
          const block = BLOCK_TAGS.has(child.tagName);
          if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
          walk(child);
        }
      }
    };
    walk(el);
    // An editor's trailing placeholder <br> must not add a line to the post.
    if (text.endsWith('\n')) text = text.replace(/\n+$/, '');
    return { text, segments, field: null };
  }

  /** DOM position for a UTF-16 offset; `preferEnd` picks the end of the previous node at boundaries. */
  function positionFor(segments, offset, preferEnd) {
    if (segments.length === 0) return null;
    if (preferEnd) {
      for (let i = segments.length - 1; i >= 0; i--) {
        const seg = segments[i];
        if (seg.start < offset || (seg.start === offset && seg.end === offset)) {
          return { node: seg.node, offset: Math.min(offset, seg.end) - seg.start };
        }
      }
      return { node: segments[0].node, offset: 0 };
    }
    for (const seg of segments) {
      if (seg.end > offset) return { node: seg.node, offset: Math.max(offset, seg.start) - seg.start };
    }
    const last = segments[segments.length - 1];
    return { node: last.node, offset: last.node.data.length };
  }

  /** A live Range covering [start, end) UTF-16 offsets of a contenteditable model. */
  function rangeFor(model, start, end, doc) {
    if (!model.segments || end <= start) return null;
    const from = positionFor(model.segments, start, false);
    const to = positionFor(model.segments, end, true);
    if (!from || !to) return null;
    const range = doc.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range.collapsed ? null : range;
  }

  return { readComposer, rangeFor, isTextField };
});
