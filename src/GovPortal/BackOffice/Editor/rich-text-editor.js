// The back office's rich-text editor (Tiptap on ProseMirror, MIT), bundled by the build into assets/editor.js.
// It edits the body field in place: without script the field stays a plain HTML text area and saving still works.
// The editor only offers what the server's sanitizer keeps (structure, emphasis, 上标 and 下标, lists, links, tables
// with their header cells' scope, pictures with 替代文字, 图注 and title, videos with a poster and a 文字说明); the
// sanitizer stays the only judge of what is stored. A table's <caption> and a link around a picture are the two
// things the editor cannot hold: a body that has them keeps them only while it is saved without the editor.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit, TableHeader } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import { BodyPicture, BodyVideo } from './body-media.js';
import { Subscript, Superscript } from './script-marks.js';
import { createToolbar } from './toolbar.js';
import { cleanOfficeHtml, isOfficeHtml } from './office-paste.js';
import { connectMediaRows } from './media-rows.js';

function start(field) {
  var frame = document.createElement('div');
  frame.className = 'editor-frame';
  var toolbarBox = document.createElement('div');
  var editorBox = document.createElement('div');
  frame.append(toolbarBox, editorBox);
  field.parentNode.insertBefore(frame, field);
  field.hidden = true;

  // The body names the article's pictures and videos by their public addresses (/files/…); the editor shows them
  // from the back office, since the files of an unpublished article are not on the public site yet.
  var mediaBase = field.getAttribute('data-picture-base') || '';
  var mediaName = '([0-9a-f]{32}\\.(?:jpg|png|mp4))';
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  function toEditor(html) {
    return mediaBase ? html.replace(new RegExp('(src|poster)="/files/' + mediaName + '"', 'g'),
      '$1="' + mediaBase + '$2"') : html;
  }
  function toStored(html) {
    return mediaBase ? html.replace(new RegExp('(src|poster)="' + escapeRegExp(mediaBase) + mediaName + '"', 'g'),
      '$1="/files/$2"') : html;
  }

  var editor = new Editor({
    element: editorBox,
    content: toEditor(field.value),
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        strike: false,
        link: { openOnClick: false, HTMLAttributes: { target: null, rel: null } },
      }),
      TableKit.configure({ table: { resizable: false }, tableHeader: false }),
      // A header cell keeps the scope (row or column) that tells a screen reader which cells it names.
      TableHeader.extend({
        addAttributes: function () {
          var attributes = this.parent ? this.parent() : {};
          attributes.scope = {
            default: null,
            parseHTML: function (element) { return element.getAttribute('scope'); },
            renderHTML: function (attrs) { return attrs.scope ? { scope: attrs.scope } : {}; },
          };
          return attributes;
        },
      }),
      Subscript,
      Superscript,
      Placeholder.configure({ placeholder: '在这里输入正文……' }),
      BodyPicture,
      BodyVideo,
    ],
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': '正文', class: 'editor-area' },
      // Word and WPS put their own markup into the clipboard; what is left is the structure.
      transformPastedHTML: function (html) { return isOfficeHtml(html) ? cleanOfficeHtml(html) : html; },
    },
    onUpdate: function () { field.value = toStored(editor.getHTML()); },
  });
  var toolbar = createToolbar(editor, toolbarBox);
  field.form.addEventListener('submit', function () { field.value = toStored(editor.getHTML()); });

  editorBox.addEventListener('keydown', function (event) {
    // Tab and Shift+Tab leave the editor for the next or previous control, as everywhere else on the page: inside a
    // list or a table the editor would take them, and a keyboard user could not get out (WCAG 2.1.2, no keyboard
    // trap). Caught on the way down, before the editor sees it; the browser then moves the focus.
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) event.stopPropagation();
    // Alt+F10 goes to the toolbar, as in other editors; Tab then comes back through the page's order.
    if (event.key === 'F10' && event.altKey) {
      event.preventDefault();
      toolbar.focus();
    }
  }, true);

  connectMediaRows(editor, function () { field.value = toStored(editor.getHTML()); });
  return editor;
}

var field = document.querySelector('textarea[data-editor]');
if (field) window.govPortalEditor = start(field);
