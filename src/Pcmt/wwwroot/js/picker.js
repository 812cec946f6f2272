// Searchable pickers for administrative units and facilities (see PickerTagHelper). No inline script or style: the CSP
// is script-src 'self' and style-src 'self', so visibility is toggled with the hidden attribute only.
(function () {
  'use strict';
  var counter = 0;

  function enhance(input) {
    var kinds = input.getAttribute('data-picker');
    var province = input.getAttribute('data-picker-province') || '';
    var hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = input.name;
    hidden.value = input.value;
    input.removeAttribute('name');
    input.value = input.getAttribute('data-picker-label') || input.value;
    input.parentNode.insertBefore(hidden, input.nextSibling);

    var listId = input.id + '-list';
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'picker-list';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    hidden.parentNode.insertBefore(list, hidden.nextSibling);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var items = [];
    var active = -1;
    var timer = null;
    var chosenLabel = input.value;
    var request = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function choose(item) {
      // A search still pending from the typing before the choice must not reopen the list over the form.
      clearTimeout(timer);
      request++;
      hidden.value = item.code;
      chosenLabel = item.detail && item.kind === 'commune' ? item.name + ', ' + item.detail : item.name;
      input.value = chosenLabel;
      close();
      hidden.dispatchEvent(new Event('change', { bubbles: true }));
    }

    function highlight(index) {
      var options = list.querySelectorAll('[role=option]');
      options.forEach(function (o, i) { o.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
      }
    }

    function render() {
      list.textContent = '';
      if (items.length === 0) {
        var empty = document.createElement('li');
        empty.className = 'picker-empty';
        empty.textContent = 'Không tìm thấy. Thử gõ tên khác hoặc mã.';
        list.appendChild(empty);
      }
      items.forEach(function (item, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-code', item.code);
        var name = document.createElement('span');
        name.textContent = item.name;
        li.appendChild(name);
        var detail = document.createElement('small');
        detail.textContent = (item.detail ? item.detail + ' · ' : '') + (item.kind === 'facility' ? 'cơ sở' : item.kind === 'agency' ? 'sở, ngành' : 'mã ' + item.code);
        li.appendChild(detail);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(item); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }

    function search() {
      var q = input.value.trim();
      var mine = ++request;
      var url = '/lookup/places?kinds=' + encodeURIComponent(kinds) + '&q=' + encodeURIComponent(q)
        + (province ? '&province=' + encodeURIComponent(province) : '');
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) {
          if (mine !== request || document.activeElement !== input) return;
          items = data.items || [];
          render();
        })
        .catch(function () { /* typing the code still works */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener('focus', function () { if (input.value === '' ) search(); });
    input.addEventListener('keydown', function (e) {
      if (list.hidden && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) { search(); return; }
      if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter' && !list.hidden && items.length > 0) { e.preventDefault(); choose(items[active >= 0 ? active : 0]); }
      else if (e.key === 'Escape') { close(); }
    });
    input.addEventListener('blur', function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text === chosenLabel) { close(); return; }
      if (text === '') { hidden.value = ''; chosenLabel = ''; }
      else if (!list.hidden && items.length === 1) { choose(items[0]); return; }
      else { hidden.value = text; chosenLabel = text; } // a code typed by hand; the server checks it
      close();
    });
  }

  document.querySelectorAll('input[data-picker]').forEach(function (input) {
    if (!input.id) input.id = 'picker-' + (++counter);
    enhance(input);
  });
})();
