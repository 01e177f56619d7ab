'use strict';
// Applies a suggestion's replacement the way a user's typing would: select
// the span, then insert text through the events editors listen to, so that
// the editor's own model follows (writing the DOM directly would
// desynchronise Quill, Draft.js or Lexical). A direct DOM edit is only the
// last resort, when the editor ignored both a beforeinput and execCommand.
(function (root, name, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./text-model.js'));
  else (root.CharterGuard = root.CharterGuard || {})[name] = factory(root.CharterGuard.textModel);
})(globalThis, 'apply', function (textModel) {
  function execInsert(doc, text) {
    try {
      return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
    } catch {
      return false;
    }
  }

  function inputEvent(win, type, replacement) {
    return new win.InputEvent(type, { bubbles: true, cancelable: type === 'beforeinput', inputType: 'insertText', data: replacement });
  }

  function replaceInField(field, from, to, replacement) {
    const doc = field.ownerDocument;
    field.focus();
    field.setSelectionRange(from, to);
    if (execInsert(doc, replacement)) return true;
    field.setRangeText(replacement, from, to, 'end');
    field.dispatchEvent(inputEvent(doc.defaultView, 'input', replacement));
    return true;
  }

  function replaceInEditable(composer, from, to, replacement) {
    const doc = composer.ownerDocument;
    const win = doc.defaultView;
    const range = textModel.rangeFor(textModel.readComposer(composer), from, to, doc);
    if (!range) return false;
    composer.focus();
    const selection = win.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    // Model-driven editors (Lexical, Slate, ProseMirror) apply a beforeinput
    // to their model and cancel it; execCommand would not fire one.
    if (!composer.dispatchEvent(inputEvent(win, 'beforeinput', replacement))) return true;
    // Editors that reconcile from the DOM (Quill, Draft.js) follow the
    // browser's own insertion and its input event.
    if (execInsert(doc, replacement)) return true;
    range.deleteContents();
    range.insertNode(doc.createTextNode(replacement));
    composer.dispatchEvent(inputEvent(win, 'input', replacement));
    return true;
  }

  /**
   * Replaces UTF-16 [from, to) of a composer's text with `replacement`, and
   * nothing else. A finding without a replacement (a budget, a missing
   * disclosure) or an empty or reversed span is never applied.
   */
  function replaceSpan(composer, from, to, replacement) {
    if (typeof replacement !== 'string' || !(Number.isInteger(from) && Number.isInteger(to)) || from < 0 || to <= from) return false;
    return textModel.isTextField(composer)
      ? replaceInField(composer, from, to, replacement)
      : replaceInEditable(composer, from, to, replacement);
  }

  return { replaceSpan };
});
