/**
 * The report's in-page behaviour, inlined: sort and filter the query table from the embedded
 * JSON, and open evidence when printing. Plain ES2017, no library, no network.
 */
export const REPORT_JS = `
(function () {
  'use strict';
  var dataElement = document.getElementById('report-data');
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);

  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.print-open:not([open])').forEach(function (d) { d.open = true; d.setAttribute('data-print-opened', ''); });
  });
  window.addEventListener('afterprint', function () {
    document.querySelectorAll('details[data-print-opened]').forEach(function (d) { d.open = false; d.removeAttribute('data-print-opened'); });
  });

  var table = document.getElementById('query-table');
  if (!table || !data.queries) return;
  var rows = data.queries;
  var bodies = {};
  Array.prototype.forEach.call(table.tBodies, function (body) { bodies[body.getAttribute('data-i')] = body; });
  var statusRank = { fail: 0, pass: 1, skip: 2 };
  var textKeys = { name: true, role: true, paramClass: true, status: true };
  var sortKey = null;
  var direction = 1;

  function value(row, key) { return key === 'status' ? statusRank[row.status] : row[key]; }
  function compare(a, b) {
    var va = value(a, sortKey), vb = value(b, sortKey);
    var missingA = va === null || va === undefined, missingB = vb === null || vb === undefined;
    if (missingA || missingB) return missingA === missingB ? a.i - b.i : missingA ? 1 : -1;
    var order = typeof va === 'string' ? va.localeCompare(vb) : va - vb;
    return order === 0 ? a.i - b.i : order * direction;
  }

  table.querySelectorAll('th button[data-sort]').forEach(function (button) {
    button.addEventListener('click', function () {
      var key = button.getAttribute('data-sort');
      direction = sortKey === key ? -direction : textKeys[key] ? 1 : -1;
      sortKey = key;
      var fragment = document.createDocumentFragment();
      rows.slice().sort(compare).forEach(function (row) { fragment.appendChild(bodies[row.i]); });
      table.appendChild(fragment);
      table.querySelectorAll('th[aria-sort]').forEach(function (th) { th.setAttribute('aria-sort', 'none'); });
      button.parentNode.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
    });
  });

  var input = document.getElementById('query-filter');
  var select = document.getElementById('query-status');
  var count = document.getElementById('query-count');
  function matches(row, words, show) {
    for (var i = 0; i < words.length; i++) if (row.search.indexOf(words[i]) < 0) return false;
    if (show === 'fail' || show === 'pass') return row.status === show;
    if (show === 'regression') return row.regression;
    if (show === 'findings') return row.findings > 0;
    return true;
  }
  function applyFilter() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row, words, select.value);
      bodies[row.i].hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = shown === rows.length ? rows.length + ' queries' : shown + ' of ' + rows.length + ' queries';
  }
  input.addEventListener('input', applyFilter);
  select.addEventListener('change', applyFilter);
})();
`;
