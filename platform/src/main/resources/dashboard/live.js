// Live operations panel (#/live): the live map (lanes by detector occupancy, junctions by who controls
// them), message rates, reconciliation counters, signal states and detector health. Self-contained:
// it reads /api/live/* and the scenario map, and polls once a second while its view is shown.
(function () {
  const el = (id) => document.getElementById(id);
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const live = { map: null, city: null, last: null, chart: null, timer: null };

  async function get(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(path + ': ' + r.status);
    return r.json();
  }

  function occupancyColour(f) {
    if (f == null) return '#b8b8b8';
    return f < 0.15 ? '#2e9d4b' : f < 0.30 ? '#e8b923' : '#d6322e';
  }

  function drawMap(detectors, signals) {
    const canvas = el('live-map');
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!live.map) return;
    const [x0, y0, x1, y1] = live.map.bounds;
    const s = Math.min((canvas.width - 40) / Math.max(1, x1 - x0), (canvas.height - 40) / Math.max(1, y1 - y0));
    const px = (x) => 20 + (x - x0) * s;
    const py = (y) => canvas.height - 20 - (y - y0) * s;
    const byLane = {};
    detectors.forEach((d) => { byLane[d.laneId] = d; });
    ctx.lineWidth = 2;
    live.map.lanes.forEach((lane) => {
      const d = byLane[lane.id];
      ctx.strokeStyle = d && d.status !== 'OK' ? '#7a2bb5' : occupancyColour(d ? d.occupancyFraction : null);
      ctx.beginPath();
      lane.points.forEach(([x, y], i) => (i ? ctx.lineTo(px(x), py(y)) : ctx.moveTo(px(x), py(y))));
      ctx.stroke();
    });
    const byId = {};
    signals.forEach((g) => { byId[g.intersectionId] = g; });
    live.map.intersections.filter((i) => i.signalized).forEach((i) => {
      const g = byId[i.id];
      ctx.fillStyle = !g ? '#888' : g.degraded ? '#d6322e' : g.controlMode === 'central' ? '#1f6fd1' : '#e8902a';
      ctx.beginPath();
      ctx.arc(px(i.x), py(i.y), 6, 0, 2 * Math.PI);
      ctx.fill();
      if (g) {
        ctx.fillStyle = '#fff';
        ctx.font = '9px sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText(g.phaseKind === 'yellow' ? 'Y' : String(g.phase), px(i.x), py(i.y) + 3);
      }
    });
  }

  function counters(rec, balanced) {
    const rows = [
      ['messages received', rec.messagesReceived], ['messages refused', rec.messagesRefused],
      ['observations received', rec.observationsReceived], ['refused (dead letters)', rec.observationsRefused],
      ['repeats dropped', rec.observationsRepeated], ['accepted', rec.observationsAccepted],
      ['stored', rec.observationsStored], ['aggregated', rec.observationsAggregated], ['late', rec.observationsLate],
      ['reports missing', rec.reportsMissing], ['queue', rec.queueDepth], ['back-pressure waits', rec.backPressureWaits]];
    el('live-counters').innerHTML = rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${esc(v)}</td></tr>`).join('')
      + `<tr><td><b>reconciled</b></td><td class="num"><b>${balanced ? 'yes' : 'no'}</b></td></tr>`;
  }

  function rates(rec) {
    const now = performance.now();
    if (live.last) {
      const dt = (now - live.last.t) / 1000;
      const rate = (rec.observationsReceived - live.last.obs) / dt;
      const data = live.chart.data;
      data.labels.push(new Date().toLocaleTimeString());
      data.datasets[0].data.push(Math.max(0, Math.round(rate)));
      if (data.labels.length > 120) { data.labels.shift(); data.datasets[0].data.shift(); }
      live.chart.update('none');
      el('live-rate').textContent = Math.round(rate) + ' observations/s';
    }
    live.last = { t: now, obs: rec.observationsReceived };
  }

  async function tick() {
    if (!document.getElementById('view-live').classList.contains('active')) return;
    try {
      const [status, { detectors }, { signals }] = await Promise.all([get('/api/live/status'), get('/api/live/detectors'), get('/api/live/signals')]);
      const loop = status.loop;
      el('live-summary').textContent = `${status.controller} (${status.actuation}) on ${status.city ?? '-'} via ${status.broker}`
        + (status.fieldOrigin ? `, field since ${status.fieldOrigin}` : ', waiting for a field (citybrain field --city ' + (status.city ?? 'CITY') + ')')
        + (loop ? ` — decisions ${loop.decisions}, commands ${loop.commands}, degraded now ${loop.degradedNow}, centre latency p99 ${loop.decisionLatencyP99Millis?.toFixed?.(1) ?? '-'} ms` : '');
      if (status.city && status.city !== live.city) {
        live.city = status.city;
        live.map = await get('/api/scenarios/' + encodeURIComponent(status.city) + '/map');
      }
      counters(status.reconciliation, status.balanced);
      rates(status.reconciliation);
      drawMap(detectors, signals);
      el('live-signals').innerHTML = signals.map((g) => `<tr><td>${esc(g.intersectionId)}</td><td>${esc(g.phase)}</td><td>${esc(g.phaseKind)}</td>`
        + `<td>${esc(g.controlMode)}</td><td>${g.degraded ? 'degraded' : ''}</td></tr>`).join('');
      const faulty = detectors.filter((d) => d.status !== 'OK');
      el('live-health-summary').textContent = `${detectors.length - faulty.length} of ${detectors.length} detectors OK`;
      el('live-health').innerHTML = faulty.slice(0, 200).map((d) => `<tr><td>${esc(d.detectorId)}</td><td>${esc(d.status)}</td><td>${esc(d.lastReport)}</td></tr>`).join('');
      el('live-error').textContent = '';
    } catch (e) {
      el('live-error').textContent = 'live operations are not running on this server (start it with --live CITY): ' + e.message;
    }
  }

  function start() {
    if (live.timer) return;
    live.chart = new Chart(el('live-rate-chart'), {
      type: 'line',
      data: { labels: [], datasets: [{ label: 'observations/s received', data: [], borderColor: '#1f6fd1', pointRadius: 0 }] },
      options: { animation: false, scales: { y: { beginAtZero: true } } },
    });
    live.timer = setInterval(tick, 1000);
    tick();
  }

  window.addEventListener('hashchange', () => { if (location.hash === '#/live') start(); });
  if (location.hash === '#/live') start();
})();
