// The editor's toolbar: buttons with their Chinese names written on them, in one tab stop (the WAI-ARIA toolbar
// pattern: Tab enters and leaves it, the arrow keys, Home and End move inside it). A button that does not apply
// where the cursor is stays focusable but says so (aria-disabled), so a keyboard user still finds every tool.
import { askFields } from './field-dialog.js';

function safeAddress(address) {
  return /^(https?:\/\/|mailto:|\/)/i.test(address) && !/^\/\//.test(address);
}

function selectedMedia(editor) {
  var node = editor.state.selection.node;
  return node && (node.type.name === 'bodyPicture' || node.type.name === 'bodyVideo') ? node : null;
}

function isPicture(editor) {
  var node = selectedMedia(editor);
  return !!node && node.type.name === 'bodyPicture';
}

function inTable(editor) { return editor.isActive('table'); }

function align(value) {
  return {
    label: { '': '图片通栏', left: '图片居左', center: '图片居中', right: '图片居右' }[value],
    run: function (editor) { editor.chain().focus().updateAttributes('bodyPicture', { align: value }).run(); },
    active: function (editor) { return isPicture(editor) && selectedMedia(editor).attrs.align === value; },
    enabled: isPicture,
  };
}

function editLink(editor) {
  var current = editor.getAttributes('link').href || '';
  return askFields('链接', [{ name: 'href', label: '网址', value: current,
    hint: '以 https://、http://、mailto: 或 / 开头；留空则取消链接。' }], null, function (values) {
    // Checked while the dialog is open, so what was typed stays to be corrected.
    return values.href && !safeAddress(values.href) ? '网址须以 https://、http://、mailto: 或 / 开头。' : null;
  }).then(function (values) {
    if (!values) return;
    if (!values.href) { editor.chain().focus().extendMarkRange('link').unsetLink().run(); return; }
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing chosen to link: the address goes in as the link's own text.
      editor.chain().focus().insertContent({ type: 'text', text: values.href,
        marks: [{ type: 'link', attrs: { href: values.href } }] }).run();
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: values.href }).run();
  });
}

function editMediaText(editor) {
  var node = selectedMedia(editor);
  if (!node) return Promise.resolve();
  var picture = node.type.name === 'bodyPicture';
  var fields = picture
    ? [{ name: 'alt', label: '替代文字', value: node.attrs.alt, required: true, maxLength: 200,
      hint: '说明图片内容，供视障读者的读屏软件朗读。' },
    { name: 'caption', label: '图注', value: node.attrs.caption, maxLength: 200, hint: '显示在图片下方，可不填。' }]
    : [{ name: 'caption', label: '文字说明', value: node.attrs.caption, required: true, maxLength: 500,
      hint: '说明视频内容，显示在视频下方，供无法观看视频的读者阅读。' }];
  return askFields(picture ? '图片文字' : '视频文字说明', fields).then(function (values) {
    if (values) editor.chain().focus().updateAttributes(node.type.name, values).run();
  });
}

export var TOOL_GROUPS = [
  { name: '段落', tools: [
    { label: '正文', run: function (e) { e.chain().focus().setParagraph().run(); },
      active: function (e) { return e.isActive('paragraph'); } },
    { label: '标题', run: function (e) { e.chain().focus().toggleHeading({ level: 2 }).run(); },
      active: function (e) { return e.isActive('heading', { level: 2 }); } },
    { label: '小标题', run: function (e) { e.chain().focus().toggleHeading({ level: 3 }).run(); },
      active: function (e) { return e.isActive('heading', { level: 3 }); } },
    { label: '引用', run: function (e) { e.chain().focus().toggleBlockquote().run(); },
      active: function (e) { return e.isActive('blockquote'); } },
  ] },
  { name: '文字', tools: [
    { label: '加粗', run: function (e) { e.chain().focus().toggleBold().run(); },
      active: function (e) { return e.isActive('bold'); } },
    { label: '倾斜', run: function (e) { e.chain().focus().toggleItalic().run(); },
      active: function (e) { return e.isActive('italic'); } },
    { label: '下划线', run: function (e) { e.chain().focus().toggleUnderline().run(); },
      active: function (e) { return e.isActive('underline'); } },
    { label: '上标', run: function (e) { e.chain().focus().toggleMark('superscript').run(); },
      active: function (e) { return e.isActive('superscript'); } },
    { label: '下标', run: function (e) { e.chain().focus().toggleMark('subscript').run(); },
      active: function (e) { return e.isActive('subscript'); } },
    { label: '链接', run: editLink, active: function (e) { return e.isActive('link'); } },
  ] },
  { name: '列表', tools: [
    { label: '项目列表', run: function (e) { e.chain().focus().toggleBulletList().run(); },
      active: function (e) { return e.isActive('bulletList'); } },
    { label: '编号列表', run: function (e) { e.chain().focus().toggleOrderedList().run(); },
      active: function (e) { return e.isActive('orderedList'); } },
  ] },
  { name: '表格', tools: [
    { label: '插入表格', run: function (e) {
      e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(); } },
    { label: '加一行', run: function (e) { e.chain().focus().addRowAfter().run(); }, enabled: inTable },
    { label: '加一列', run: function (e) { e.chain().focus().addColumnAfter().run(); }, enabled: inTable },
    { label: '删除行', run: function (e) { e.chain().focus().deleteRow().run(); }, enabled: inTable },
    { label: '删除列', run: function (e) { e.chain().focus().deleteColumn().run(); }, enabled: inTable },
    { label: '删除表格', run: function (e) { e.chain().focus().deleteTable().run(); }, enabled: inTable },
  ] },
  { name: '图片与视频', tools: [
    align(''), align('left'), align('center'), align('right'),
    { label: '图片视频文字', run: editMediaText, enabled: function (e) { return !!selectedMedia(e); } },
  ] },
  { name: '其他', tools: [
    { label: '分隔线', run: function (e) { e.chain().focus().setHorizontalRule().run(); } },
    { label: '撤销', run: function (e) { e.chain().focus().undo().run(); },
      enabled: function (e) { return e.can().undo(); } },
    { label: '重做', run: function (e) { e.chain().focus().redo().run(); },
      enabled: function (e) { return e.can().redo(); } },
  ] },
];

export function createToolbar(editor, box) {
  box.setAttribute('role', 'toolbar');
  box.setAttribute('aria-label', '正文格式');
  box.className = 'editor-toolbar';
  var buttons = [];
  TOOL_GROUPS.forEach(function (group) {
    var span = document.createElement('span');
    span.className = 'editor-tool-group';
    span.setAttribute('role', 'group');
    span.setAttribute('aria-label', group.name);
    group.tools.forEach(function (tool) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = tool.label;
      button.tabIndex = buttons.length === 0 ? 0 : -1;
      if (tool.active) button.setAttribute('aria-pressed', 'false');
      button.addEventListener('mousedown', function (event) { event.preventDefault(); }); // keep the selection
      button.addEventListener('click', function () {
        if (button.getAttribute('aria-disabled') === 'true') return;
        tool.run(editor);
      });
      button.tool = tool;
      buttons.push(button);
      span.appendChild(button);
    });
    box.appendChild(span);
  });

  box.addEventListener('keydown', function (event) {
    var at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    var next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusButton((next + buttons.length) % buttons.length);
  });
  function focusButton(index) {
    buttons.forEach(function (button, i) { button.tabIndex = i === index ? 0 : -1; });
    buttons[index].focus();
  }

  function refresh() {
    buttons.forEach(function (button) {
      var tool = button.tool;
      if (tool.active) button.setAttribute('aria-pressed', tool.active(editor) ? 'true' : 'false');
      if (tool.enabled) button.setAttribute('aria-disabled', tool.enabled(editor) ? 'false' : 'true');
    });
  }
  editor.on('transaction', refresh);
  editor.on('selectionUpdate', refresh);
  refresh();
  return { focus: function () { focusButton(Math.max(0, buttons.findIndex(function (b) { return b.tabIndex === 0; })));
  } };
}
