// The back office's only script: a "select all" box for lists with checkboxes, and the rich-text editor for the body
// field when the editor is available. Without script every box is ticked one by one, and the body field stays a
// plain HTML text area; saving still works.
(function () {
  'use strict';
  document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    var name = all.getAttribute('data-select-all');
    all.addEventListener('change', function () {
      all.form.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
        box.checked = all.checked;
      });
    });
  });
})();

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

  // The body names the article's pictures by their public addresses (/files/…); the editor shows them from the
  // back office, since a picture of an unpublished article is not on the public site yet.
  var pictureBase = field.getAttribute('data-picture-base') || '';
  var pictureName = '([0-9a-f]{32}\\.(?:jpg|png))';
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  function toEditor(html) {
    return pictureBase ? html.replace(new RegExp('src="/files/' + pictureName + '"', 'g'),
      'src="' + pictureBase + '$1"') : html;
  }
  function toStored(html) {
    return pictureBase ? html.replace(new RegExp('src="' + escapeRegExp(pictureBase) + pictureName + '"', 'g'),
      'src="/files/$1"') : html;
  }

  var editor = E.createEditor({
    selector: editorBox,
    html: toEditor(field.value) || '<p><br></p>',
    mode: 'default',
    config: {
      placeholder: '在这里输入正文……',
      onChange: function (ed) { field.value = toStored(ed.getHtml()); },
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
    // Only what the server's sanitizer keeps: structure, emphasis, lists, links, tables. Colours, fonts, sizes,
    // alignment and indents are styles, which a government page takes from its theme, not from each article.
    config: {
      toolbarKeys: ['headerSelect', 'blockquote', '|', 'bold', 'italic', 'underline', '|', 'bulletedList',
        'numberedList', '|', 'insertLink', 'insertTable', 'divider', '|', 'undo', 'redo'],
    },
  });
  // The editor's own markup lacks names for screen readers: its buttons show only icons (the Chinese name is in a
  // tooltip) and its text area has a role ARIA does not know. Named here, and again whenever the editor redraws.
  function label() {
    toolbarBox.querySelectorAll('button[data-tooltip]').forEach(function (button) {
      var name = button.getAttribute('data-tooltip').split('\n')[0];
      // A drop-down shows its current value ("正文"); the name must contain what is seen.
      if (button.classList.contains('select-button')) name += '：' + button.textContent.trim();
      if (button.getAttribute('aria-label') !== name) button.setAttribute('aria-label', name);
    });
    var area = editorBox.querySelector('[data-slate-editor]');
    if (area && area.getAttribute('role') !== 'textbox') {
      area.setAttribute('role', 'textbox');
      area.setAttribute('aria-multiline', 'true');
      area.setAttribute('aria-label', '正文');
    }
  }
  label();
  new MutationObserver(label).observe(frame, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['role', 'data-tooltip']
  });
  field.form.addEventListener('submit', function () { field.value = toStored(editor.getHtml()); });

  // Tab and Shift+Tab leave the editor for the next or previous control, as everywhere else on the page: the editor
  // would take them as an indent, and a keyboard user could not get out (WCAG 2.1.2, no keyboard trap). Caught on
  // the way down, before the editor sees it; the browser then moves the focus.
  editorBox.addEventListener('keydown', function (event) {
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) event.stopPropagation();
  }, true);

  // 插入正文 beside each of the article's pictures: only with 替代文字, which the publish check requires anyway.
  var status = document.querySelector('[data-picture-status]');
  function escapeAttribute(text) {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  document.querySelectorAll('[data-picture]').forEach(function (box) {
    box.hidden = false;
    var altInput = box.querySelector('[data-picture-alt]');
    var insert = box.querySelector('[data-insert-picture]');
    // Enter in the 替代文字 box inserts the picture instead of submitting the whole article.
    altInput.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      insert.click();
    });
    insert.addEventListener('click', function () {
      var alt = altInput.value.trim();
      if (!alt) {
        altInput.setAttribute('aria-invalid', 'true');
        if (status) status.textContent = '请先填写替代文字（说明图片内容），再插入正文。';
        altInput.focus();
        return;
      }
      altInput.removeAttribute('aria-invalid');
      editor.focus();
      editor.dangerouslyInsertHtml('<p><img src="' + escapeAttribute(box.getAttribute('data-picture')) +
        '" alt="' + escapeAttribute(alt) + '"></p>');
      field.value = toStored(editor.getHtml());
      if (status) status.textContent = '已插入图片“' + alt + '”。';
    });
  });
})();
