// The back office's small script: a "select all" box for lists with checkboxes; without script every box is ticked
// one by one. The rich-text editor is its own script (assets/editor.js, bundled from BackOffice/Editor).
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
