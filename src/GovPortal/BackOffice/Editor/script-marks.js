// 上标 and 下标 (m², H₂O), as marks of their own: Tiptap's packages for them pin an older core than the editor's.
import { Mark } from '@tiptap/core';

function scriptMark(name, tag, other) {
  return Mark.create({
    name: name,
    // One excludes the other: a character is raised or lowered, not both.
    excludes: other,
    parseHTML: function () { return [{ tag: tag }]; },
    renderHTML: function () { return [tag, 0]; },
  });
}

export var Superscript = scriptMark('superscript', 'sup', 'subscript');
export var Subscript = scriptMark('subscript', 'sub', 'superscript');
