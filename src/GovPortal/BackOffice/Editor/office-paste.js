// Word and WPS put their own markup into the clipboard: conditional comments, o:p, Mso classes and styles. What is
// left after this is the structure (paragraphs, lists, tables, bold); the editor's schema and then the server's
// sanitizer drop anything else.

export function isOfficeHtml(html) {
  return /urn:schemas-microsoft-com:office|mso-|class="?Mso|wps/i.test(html);
}

export function cleanOfficeHtml(html) {
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
