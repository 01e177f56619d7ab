'use strict';
// Applies a suggestion's replacement the way a user's typing would: select
// the span, then insertText. execCommand goes through the browser's editing
// pipeline (beforeinput/input, undo stack), which is what Quill, Draft.js and
// Lexical listen to; writing to the DOM directly would desynchronise their
// models. Direct edits are only a last resort when the editor ignored both.
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
    return new win.InputEvent(type, {
      bubbles: true, cancelable: type === 'beforeinput', inputType: 'insertReplacementText', data: replacement,
    });
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
    if (execInsert(doc, replacement)) return true;
    // Editors that handle beforeinput themselves cancel it once they applied it.
    const before = inputEvent(win, 'beforeinput', replacement);
    if (!composer.dispatchEvent(before)) return true;
    range.deleteContents();
    range.insertNode(doc.createTextNode(replacement));
    composer.dispatchEvent(inputEvent(win, 'input', replacement));
    return true;
  }

  /** Replaces UTF-16 [from, to) of a composer's text with `replacement`. */
  function replaceSpan(composer, from, to, replacement) {
    return textModel.isTextField(composer)
      ? replaceInField(composer, from, to, replacement)
      : replaceInEditable(composer, from, to, replacement);
  }

  return { replaceSpan };
});
