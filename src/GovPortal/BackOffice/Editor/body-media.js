// The two kinds of media an article body holds, as editor nodes. Each is one block the editor moves and deletes
// whole; what it says (替代文字, 图注, 文字说明) is edited in a dialog, not typed into the page.
//
//   picture: <figure class="align-center"><img src alt><figcaption>图注</figcaption></figure>
//   video:   <figure class="video"><video src poster></video><figcaption>文字说明</figcaption></figure>
//
// The server's sanitizer keeps exactly these elements, attributes and classes; the published page adds sizes,
// smaller copies, lazy loading and the video's controls.
import { Node } from '@tiptap/core';

export const ALIGNMENTS = ['', 'left', 'center', 'right'];

function alignmentOf(element) {
  var match = /(?:^|\s)align-(left|center|right)(?:\s|$)/.exec(element.getAttribute('class') || '');
  return match ? match[1] : '';
}

function captionOf(element) {
  var caption = element.querySelector('figcaption');
  return caption ? caption.textContent.trim() : '';
}

function pictureAttributes(element) {
  var image = element.tagName === 'IMG' ? element : element.querySelector('img');
  if (!image || !image.getAttribute('src')) return false;
  return {
    src: image.getAttribute('src'),
    alt: image.getAttribute('alt') || '',
    title: image.getAttribute('title') || '',
    caption: element.tagName === 'IMG' ? '' : captionOf(element),
    align: element.tagName === 'IMG' ? '' : alignmentOf(element),
  };
}

export const BodyPicture = Node.create({
  name: 'bodyPicture',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes: function () {
    return { src: { default: '' }, alt: { default: '' }, title: { default: '' }, caption: { default: '' },
      align: { default: '' } };
  },
  parseHTML: function () {
    return [
      { tag: 'figure', getAttrs: function (element) { return element.querySelector('video') ? false
        : pictureAttributes(element); } },
      // A picture on its own (older bodies, pasted pages) becomes a picture block without a caption.
      { tag: 'img[src]', getAttrs: pictureAttributes },
    ];
  },
  renderHTML: function (props) {
    var attrs = props.node.attrs;
    var figure = attrs.align ? { class: 'align-' + attrs.align } : {};
    var image = ['img', { src: attrs.src, alt: attrs.alt, title: attrs.title || null }];
    return attrs.caption ? ['figure', figure, image, ['figcaption', {}, attrs.caption]] : ['figure', figure, image];
  },
});

export const BodyVideo = Node.create({
  name: 'bodyVideo',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes: function () {
    return { src: { default: '' }, poster: { default: '' }, caption: { default: '' } };
  },
  parseHTML: function () {
    return [{
      tag: 'figure',
      priority: 60,
      getAttrs: function (element) {
        var video = element.querySelector('video');
        if (!video || !video.getAttribute('src')) return false;
        return { src: video.getAttribute('src'), poster: video.getAttribute('poster') || '',
          caption: captionOf(element) };
      },
    }];
  },
  renderHTML: function (props) {
    var attrs = props.node.attrs;
    // controls: staff can play it in the editor; the stored body loses the attribute and the page adds it back.
    var video = ['video', { src: attrs.src, poster: attrs.poster || null, controls: 'controls', preload: 'none' }];
    return ['figure', { class: 'video' }, video, ['figcaption', {}, attrs.caption]];
  },
});
