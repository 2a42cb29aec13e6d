// A small modal form for what a toolbar button needs to know (a link's address, a picture's 替代文字 and 图注).
// A native <dialog>: the browser keeps the focus inside it, Esc cancels it, and the focus returns to the button.

var counter = 0;

// fields: [{ name, label, value, required, hint, maxLength }]; resolves to the values by name, or null on cancel.
// validate(values), if given, returns a message that keeps the dialog open, with what was typed, or null.
export function askFields(title, fields, requiredMessage, validate) {
  return new Promise(function (resolve) {
    var opener = document.activeElement;
    var dialog = document.createElement('dialog');
    dialog.className = 'editor-dialog';
    var id = 'editor-dialog-' + (++counter);
    dialog.setAttribute('aria-labelledby', id + '-title');
    var form = document.createElement('form');
    form.method = 'dialog';
    var heading = document.createElement('h2');
    heading.id = id + '-title';
    heading.textContent = title;
    form.appendChild(heading);
    var status = document.createElement('p');
    status.className = 'error';
    status.setAttribute('role', 'alert');
    var inputs = fields.map(function (field, index) {
      var row = document.createElement('p');
      var label = document.createElement('label');
      label.htmlFor = id + '-' + index;
      label.textContent = field.label + (field.required ? '（必填）' : '');
      var input = document.createElement('input');
      input.id = id + '-' + index;
      input.value = field.value || '';
      input.maxLength = field.maxLength || 500;
      if (field.hint) {
        var hint = document.createElement('span');
        hint.className = 'hint';
        hint.id = input.id + '-hint';
        hint.textContent = field.hint;
        input.setAttribute('aria-describedby', hint.id);
        row.append(label, input, hint);
      } else row.append(label, input);
      form.appendChild(row);
      return input;
    });
    form.appendChild(status);
    var actions = document.createElement('p');
    var ok = document.createElement('button');
    ok.type = 'submit';
    ok.textContent = '确定';
    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = '取消';
    actions.append(ok, ' ', cancel);
    form.appendChild(actions);
    dialog.appendChild(form);
    document.body.appendChild(dialog);

    var answered = false;
    function finish(values) {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      if (opener && opener.focus) opener.focus();
      resolve(values);
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var missing = fields.findIndex(function (field, index) { return field.required && !inputs[index].value.trim(); });
      if (missing >= 0) {
        inputs[missing].setAttribute('aria-invalid', 'true');
        status.textContent = requiredMessage || ('请填写' + fields[missing].label + '。');
        inputs[missing].focus();
        return;
      }
      var values = {};
      fields.forEach(function (field, index) { values[field.name] = inputs[index].value.trim(); });
      var problem = validate ? validate(values) : null;
      if (problem) {
        inputs[0].setAttribute('aria-invalid', 'true');
        status.textContent = problem;
        inputs[0].focus();
        return;
      }
      finish(values);
    });
    cancel.addEventListener('click', function () { finish(null); });
    dialog.addEventListener('cancel', function (event) { event.preventDefault(); finish(null); });
    dialog.showModal();
    if (inputs.length) inputs[0].focus();
  });
}
