// Injected by CommittedReportsInBrowserTest into a copy of a report page. After the page's own scripts have run, it
// measures what a reader sees and writes one line per plot and per sortable table into the DOM, where Chromium's
// --dump-dom shows them to the test:
//   plot <id>|x=<x axis title>|y=<y axis title>|texts=<n>|overlaps=<pairs of overlapping labels>|labels=<all texts>
//        |points=<hover points>|titled=<those with hover text>|seeds=<those of one seed>|cis=<lo,hi;...>
//   table <id>|rows=<n>|sorted=<ok or what went wrong>|filter=<ok or what went wrong> (the box the page puts before it)
// Fields are separated by '|' and list items by '\u241f'; the page's own '|' characters are replaced by '/'.
(function () {
  function clean(s) { return String(s).replace(/[|\n\u241f]/g, '/').trim(); }

  function overlaps(texts) {
    var boxes = texts.map(function (t) { return { text: clean(t.textContent), box: t.getBoundingClientRect() }; })
        .filter(function (b) { return b.text.length > 0 && b.box.width > 0 && b.box.height > 0; });
    var found = [];
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i].box, b = boxes[j].box;
        var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) { found.push(boxes[i].text + ' / ' + boxes[j].text); }
      }
    }
    return found;
  }

  function plot(fig) {
    var svg = fig.querySelector('svg');
    if (!svg) { return 'plot ' + fig.id + '|x=|y=|texts=0|overlaps=|labels=|points=0|titled=0|seeds=0|cis='; }
    var texts = Array.prototype.slice.call(svg.querySelectorAll('text'));
    var points = Array.prototype.slice.call(svg.querySelectorAll('.ffn-pt'));
    var titled = 0, seeds = 0, cis = [];
    points.forEach(function (p) {
      var t = p.querySelector('title');
      var s = t ? t.textContent : '';
      if (s.trim().length > 0) { titled++; }
      if (p.hasAttribute('data-seed')) { seeds++; }
      var m = /95% CI \[([-+0-9.eE]+|-?Infinity|NaN), ([-+0-9.eE]+|-?Infinity|NaN)\]/.exec(s);
      if (m) { cis.push(m[1] + ',' + m[2]); }
    });
    return 'plot ' + fig.id + '|x=' + clean(svg.getAttribute('data-x-title') || '') + '|y='
        + clean(svg.getAttribute('data-y-title') || '') + '|texts=' + texts.length + '|overlaps='
        + overlaps(texts).join('\u241f') + '|labels=' + texts.map(function (t) { return clean(t.textContent); }).join('\u241f')
        + '|points=' + points.length + '|titled=' + titled + '|seeds=' + seeds + '|cis=' + cis.join(';');
  }

  function cellValue(row, k) {
    var cell = row.cells[k];
    var raw = cell ? (cell.getAttribute('data-sort') || cell.textContent) : '';
    var n = parseFloat(String(raw).replace(/[^-+0-9.eE]/g, ' ').trim().split(' ')[0]);
    return { text: String(raw).trim(), number: n };
  }

  function sortedBy(rows, k, direction) {
    var values = rows.map(function (r) { return cellValue(r, k); });
    var numeric = values.every(function (v) { return !isNaN(v.number); });
    for (var i = 1; i < values.length; i++) {
      var c = numeric ? values[i].number - values[i - 1].number : values[i].text.localeCompare(values[i - 1].text);
      if (c * direction < 0) { return false; }
    }
    return true;
  }

  function table(t, index) {
    var id = t.id || ('table' + index);
    var body = t.tBodies[0];
    var rows = function () {
      return Array.prototype.slice.call(body.rows).filter(function (r) { return !r.hidden && r.style.display !== 'none'; });
    };
    var headers = t.tHead ? t.tHead.rows[0].cells : [];
    var sorted = 'ok';
    var k = headers.length > 1 ? 1 : 0;
    if (headers.length === 0) {
      sorted = 'no header';
    } else if (rows().length > 1) {
      headers[k].click();
      var first = sortedBy(rows(), k, 1) || sortedBy(rows(), k, -1);
      var before = rows().map(function (r) { return r.cells[k].textContent; }).join();
      headers[k].click();
      var second = sortedBy(rows(), k, 1) || sortedBy(rows(), k, -1);
      var after = rows().map(function (r) { return r.cells[k].textContent; }).join();
      if (!first || !second) {
        sorted = 'column ' + k + ' not in order after a click';
      } else if (before === after && new Set(rows().map(function (r) { return r.cells[k].textContent; })).size > 1) {
        sorted = 'a second click did not reverse column ' + k;
      }
    }
    var filter = 'ok';
    var holder = t.closest('.scroll') || t;
    var box = holder.previousElementSibling;
    if (!box || !box.classList.contains('ffn-filter')) {
      filter = 'no filter box (input.ffn-filter) before the table';
    } else if (rows().length > 1) {
      var all = rows().length;
      box.value = rows()[0].cells[0].textContent.trim();
      box.dispatchEvent(new Event('input', { bubbles: true }));
      var kept = rows().length;
      box.value = '\u2205no such text\u2205';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      var none = rows().length;
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      if (kept < 1 || none !== 0 || rows().length !== all) {
        filter = 'filter kept ' + kept + ', ' + none + ' for a text in no row, ' + rows().length + ' of ' + all + ' when cleared';
      }
    }
    return 'table ' + id + '|rows=' + body.rows.length + '|sorted=' + sorted + '|filter=' + filter;
  }

  // registered at DOMContentLoaded, so this load listener runs after those the page's own scripts registered
  document.addEventListener('DOMContentLoaded', function () {
    window.addEventListener('load', function () {
      var lines = [];
      document.querySelectorAll('figure.plot').forEach(function (fig) { lines.push(plot(fig)); });
      document.querySelectorAll('table.sortable').forEach(function (t, i) { lines.push(table(t, i)); });
      var out = document.createElement('pre');
      out.id = 'ffnlab-checks';
      out.textContent = lines.join('\n');
      document.body.appendChild(out);
    });
  });
})();
