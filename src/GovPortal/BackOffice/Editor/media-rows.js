// 插入正文 beside each of the article's pictures and videos in the 相关文件 list. A picture goes in only with its
// 替代文字, a video only with its 文字说明 and a poster picture: the publish check requires them anyway, and
// saying so here saves a round trip.

function say(status, text) { if (status) status.textContent = text; }

function required(input, status, message) {
  if (input.value.trim()) {
    input.removeAttribute('aria-invalid');
    return true;
  }
  input.setAttribute('aria-invalid', 'true');
  say(status, message);
  input.focus();
  return false;
}

// Enter in a row's box inserts instead of submitting the whole article.
function enterInserts(input, button) {
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    button.click();
  });
}

export function connectMediaRows(editor, changed) {
  var status = document.querySelector('[data-picture-status]');
  document.querySelectorAll('[data-picture]').forEach(function (row) {
    row.hidden = false;
    var alt = row.querySelector('[data-picture-alt]');
    var caption = row.querySelector('[data-picture-caption]');
    var insert = row.querySelector('[data-insert-picture]');
    enterInserts(alt, insert);
    if (caption) enterInserts(caption, insert);
    insert.addEventListener('click', function () {
      if (!required(alt, status, '请先填写替代文字（说明图片内容），再插入正文。')) return;
      var text = alt.value.trim();
      editor.chain().focus().insertContent({ type: 'bodyPicture', attrs: {
        src: row.getAttribute('data-picture'), alt: text, caption: caption ? caption.value.trim() : '', align: '',
      } }).run();
      changed();
      say(status, '已插入图片“' + text + '”。选中正文中的图片后，可用工具栏设置对齐和修改图注。');
    });
  });
  document.querySelectorAll('[data-video]').forEach(function (row) {
    row.hidden = false;
    var caption = row.querySelector('[data-video-caption]');
    var poster = row.querySelector('[data-video-poster]');
    var insert = row.querySelector('[data-insert-video]');
    enterInserts(caption, insert);
    insert.addEventListener('click', function () {
      if (!required(caption, status, '请先填写视频的文字说明（说明视频内容），再插入正文。')) return;
      if (!poster || !poster.value) {
        if (poster) poster.setAttribute('aria-invalid', 'true');
        say(status, '请先选择视频封面图片（没有图片时，请先上传一张图片并保存）。');
        if (poster) poster.focus();
        return;
      }
      poster.removeAttribute('aria-invalid');
      editor.chain().focus().insertContent({ type: 'bodyVideo', attrs: {
        src: row.getAttribute('data-video'), poster: poster.value, caption: caption.value.trim(),
      } }).run();
      changed();
      say(status, '已插入视频“' + caption.value.trim() + '”。');
    });
  });
}
