// The back office's only script: turns the body field into the rich-text editor when the editor is available.
// Without script (or if the editor fails to load) the field stays a plain HTML text area and saving still works.
(function () {
  'use strict';
  var field = document.querySelector('textarea[data-editor]');
  if (!field || !window.wangEditor) return;
  var E = window.wangEditor;

  // Word and WPS put their own markup into the clipboard: conditional comments, o:p, Mso classes and styles.
  // What is left is the structure (paragraphs, lists, tables, bold); the server's sanitizer checks it again.
  function cleanOfficeHtml(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    doc.querySelectorAll('style, script, meta, link, title, xml, o\\:p').forEach(function (n) { n.remove(); });
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
    var comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach(function (c) { c.remove(); });
    doc.body.querySelectorAll('*').forEach(function (el) {
      el.removeAttribute('class');
      el.removeAttribute('style');
      el.removeAttribute('lang');
      if (el.tagName.indexOf(':') >= 0) el.replaceWith.apply(el, Array.prototype.slice.call(el.childNodes));
    });
    doc.body.querySelectorAll('span, font').forEach(function (el) {
      el.replaceWith.apply(el, Array.prototype.slice.call(el.childNodes));
    });
    return doc.body.innerHTML;
  }

  var frame = document.createElement('div');
  frame.className = 'editor-frame';
  var toolbarBox = document.createElement('div');
  var editorBox = document.createElement('div');
  editorBox.className = 'editor-area';
  frame.appendChild(toolbarBox);
  frame.appendChild(editorBox);
  field.parentNode.insertBefore(frame, field);
  field.hidden = true;

  var editor = E.createEditor({
    selector: editorBox,
    html: field.value || '<p><br></p>',
    mode: 'default',
    config: {
      placeholder: '在这里输入正文……',
      onChange: function (ed) { field.value = ed.getHtml(); },
      customPaste: function (ed, event) {
        var html = event.clipboardData && event.clipboardData.getData('text/html');
        if (!html || !/urn:schemas-microsoft-com:office|mso-|class="?Mso|wps/i.test(html)) return true;
        event.preventDefault();
        ed.dangerouslyInsertHtml(cleanOfficeHtml(html));
        return false;
      },
    },
  });
  E.createToolbar({
    editor: editor,
    selector: toolbarBox,
    mode: 'default',
    config: { excludeKeys: ['group-image', 'group-video', 'codeBlock', 'todo', 'emotion', 'fullScreen'] },
  });
  editorBox.setAttribute('aria-label', '正文');
  field.form.addEventListener('submit', function () { field.value = editor.getHtml(); });
})();
