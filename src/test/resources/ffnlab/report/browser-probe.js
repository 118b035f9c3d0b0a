// Injected by ReportInBrowserTest into a copy of a report page: records console errors, uncaught exceptions and
// failed resource loads, then after "load" checks images and plots and writes the findings into the DOM, where
// Chromium's --dump-dom shows them to the test.
(function () {
  var errors = [];
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) {
      errors.push('resource failed: ' + (t.src || t.href));
    } else {
      errors.push('uncaught: ' + e.message);
    }
  }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + e.reason); });
  var consoleError = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return consoleError.apply(console, arguments);
  };
  window.addEventListener('load', function () {
    var images = document.querySelectorAll('img');
    var broken = 0;
    images.forEach(function (img) { if (!img.complete || img.naturalWidth === 0) { broken++; } });
    var plots = document.querySelectorAll('figure.plot');
    var empty = [];
    var drawn = 0;
    plots.forEach(function (fig) {
      var svg = fig.querySelector('svg');
      var box = svg ? svg.getBoundingClientRect() : null;
      if (!box || box.width < 1 || box.height < 1) { empty.push(fig.id); } else { drawn++; }
    });
    var out = document.createElement('pre');
    out.id = 'ffnlab-probe';
    out.textContent = 'errors=' + errors.length + '\n' + 'images=' + images.length + '\n' + 'broken_images=' + broken
        + '\n' + 'plots=' + plots.length + '\n' + 'drawn_plots=' + drawn + '\n' + 'empty_plots=' + empty.join(' ')
        + '\n' + errors.map(function (m) { return 'error: ' + m; }).join('\n') + '\n';
    document.body.appendChild(out);
  });
})();
