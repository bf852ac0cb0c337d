// Downloads for every table and chart: a button with data-table="ID" saves that table as CSV
// (RFC 4180: header row first, cells quoted when they hold a comma, quote or line break), one
// with data-chart="ID" saves that Chart.js canvas as PNG, one with data-svg="ID" saves that SVG.
// File names: citybrain-NAME.csv / .png / .svg. The last export is kept in window.lastExport
// ({name, type, text|size}) so that browser tests can read what a click produced.
'use strict';

(function () {
  function csvCell(text) {
    const t = String(text).replace(/\s+/g, ' ').trim();
    return /[",\n\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }

  function tableCsv(table) {
    const lines = [];
    table.querySelectorAll('tr').forEach((tr) => {
      const cells = [...tr.querySelectorAll('th,td')];
      if (cells.length) lines.push(cells.map((c) => csvCell(c.textContent)).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  function save(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  document.addEventListener('click', (ev) => {
    const b = ev.target.closest('button.export');
    if (!b) return;
    const name = 'citybrain-' + (b.dataset.name || b.dataset.table || b.dataset.chart || b.dataset.svg);
    if (b.dataset.table) {
      const text = tableCsv(document.getElementById(b.dataset.table));
      window.lastExport = { name: name + '.csv', type: 'text/csv', text };
      save(name + '.csv', new Blob([text], { type: 'text/csv;charset=utf-8' }));
    } else if (b.dataset.chart) {
      const chart = Chart.getChart(document.getElementById(b.dataset.chart));
      if (!chart) return;
      const url = chart.toBase64Image('image/png', 1);
      window.lastExport = { name: name + '.png', type: 'image/png', size: url.length };
      const a = document.createElement('a');
      a.href = url; a.download = name + '.png';
      document.body.appendChild(a); a.click(); a.remove();
    } else if (b.dataset.svg) {
      const svg = document.getElementById(b.dataset.svg).cloneNode(true);
      svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      const text = new XMLSerializer().serializeToString(svg);
      window.lastExport = { name: name + '.svg', type: 'image/svg+xml', size: text.length };
      save(name + '.svg', new Blob([text], { type: 'image/svg+xml' }));
    }
  });
})();
