// The grid page (#/grid, #/grid/{dispatchId}): the bundled MATPOWER cases, dispatches started
// through /api/grid/dispatches, and one dispatch's result: a one-line diagram (force layout) with
// buses coloured by LMP and branches by loading, binding constraints, the naive dispatch's
// overloads, and the naive-vs-optimal comparison. Uses api(), esc(), say() and describeError()
// from app.js.
'use strict';

const GridPage = (function () {
  const g = { cases: null, dispatchers: null, poll: null, shown: null };
  const $g = (sel) => document.querySelector(sel);
  const num = (v, d) => (v === null || v === undefined || !isFinite(v) ? '—' : Number(v).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }));

  async function show(id) {
    try {
      if (!g.cases) {
        const [{ cases }, { algorithms }] = await Promise.all([api('/api/grid/cases'), api('/api/algorithms?domain=grid-dispatch')]);
        g.cases = cases; g.dispatchers = algorithms;
        $g('#grid-case').innerHTML = cases.map((c) => `<option value="${esc(c.name)}">${esc(c.name)} — ${c.buses} buses, ${c.branches} branches, ${num(c.loadMw, 0)} MW load</option>`).join('');
        $g('#grid-dispatcher').innerHTML = algorithms.map((a) => `<option value="${esc(a.name)}">${esc(a.name)} (v${esc(a.version)})</option>`).join('');
      }
      await refreshList();
      if (id) await showDispatch(Number(id));
      else if (!g.shown) {
        $g('#grid-result').hidden = true;
        $g('#grid-idle').textContent = 'Choose a case and press "Dispatch", or open a dispatch from the list.';
      }
    } catch (e) { say(describeError(e), true); }
  }

  async function refreshList() {
    const { dispatches } = await api('/api/grid/dispatches?limit=20');
    $g('#grid-dispatches tbody').innerHTML = dispatches.map((d) =>
      `<tr data-dispatch="${d.id}"><td><a href="#/grid/${d.id}">${d.id}</a></td><td>${esc(d.case)}</td><td>${esc(d.dispatcher)}</td>`
      + `<td><span class="status-${esc(d.status)}">${esc(d.statusText)}</span></td><td>${esc(d.createdBy)}</td><td>${esc(new Date(d.createdAt).toLocaleString())}</td></tr>`).join('')
      || '<tr><td colspan="6">No dispatches yet.</td></tr>';
  }

  async function start(ev) {
    ev.preventDefault();
    try {
      const d = await api('/api/grid/dispatches', { method: 'POST', json: { case: $g('#grid-case').value, dispatcher: $g('#grid-dispatcher').value } });
      say(`Dispatch ${d.id} of ${d.case} started.`);
      location.hash = '#/grid/' + d.id;
    } catch (e) { say(describeError(e), true); }
  }

  async function showDispatch(id) {
    clearTimeout(g.poll);
    const d = await api('/api/grid/dispatches/' + id);
    g.shown = id;
    $g('#grid-idle').textContent = `Dispatch ${d.id}: ${d.dispatcher} ${d.dispatcherVersion} on ${d.case} — ${d.statusText}`;
    if (d.status === 'queued' || d.status === 'running') {
      g.poll = setTimeout(() => { if (location.hash === '#/grid/' + id) show(id); }, 500);
      $g('#grid-result').hidden = true;
      return;
    }
    if (!d.hasResults) { $g('#grid-result').hidden = true; return; }
    const r = await api('/api/grid/dispatches/' + id + '/result');
    render(d, r);
  }

  function render(d, r) {
    $g('#grid-result').hidden = false;
    $g('#grid-result').dataset.dispatch = String(d.id);
    const s = r.summary || {};
    const rows = [
      ['cost of the optimal dispatch ($/h)', num(s.totalCostPerHour, 2)],
      ['cost of the naive dispatch ($/h, pro rata to capacity)', num(s.naiveCostPerHour, 2)],
      ['saving over naive (%)', num(s.savingPercent, 2)],
      ['demand (MW)', num(s.demandMw, 1)], ['generation (MW)', num(s.generationMw, 1)],
      ['LMP lowest / highest ($/MWh)', num(s.lmpMinPerMwh, 2) + ' / ' + num(s.lmpMaxPerMwh, 2)],
      ['naive dispatch: overloaded branches', s.naiveOverloadedBranches],
      ['naive dispatch: worst loading (%)', num(s.naiveWorstLoadingPercent, 1)],
      ['solve time (s)', num(s.solveSeconds, 3)],
    ];
    if (r.acPowerFlowCheck) {
      const ac = r.acPowerFlowCheck;
      rows.push(['AC power-flow check', ac.converged ? `converged in ${ac.iterations} iterations` : 'did not converge'],
        ['AC losses (MW)', num(ac.lossesMw, 2)], ['AC voltage min / max (p.u.)', num(ac.minVoltagePu, 4) + ' / ' + num(ac.maxVoltagePu, 4)]);
    }
    $g('#grid-summary tbody').innerHTML = rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('');
    $g('#grid-binding tbody').innerHTML = (r.bindingConstraints || []).map((b) =>
      `<tr><td>${esc(b.kind === 'BRANCH_RATING' ? 'branch rating' : b.kind === 'GENERATOR_MAX' ? 'generator at maximum' : b.kind === 'GENERATOR_MIN' ? 'generator at minimum' : b.kind)}</td>`
      + `<td>${esc(b.description)}</td><td class="num">${num(b.shadowPricePerMwh, 2)}</td></tr>`).join('') || '<tr><td colspan="3">none</td></tr>';
    $g('#grid-overloads tbody').innerHTML = (r.naiveOverloads || []).map((o) =>
      `<tr><td>branch ${o.index} (${o.fromBus}–${o.toBus})</td><td class="num">${num(o.flowMw, 1)}</td><td class="num">${num(o.rateAMva, 0)}</td>`
      + `<td class="num">${num(o.loadingPercent, 1)}</td></tr>`).join('')
      || '<tr><td colspan="4">none: the naive dispatch overloads no branch</td></tr>';
    $g('#grid-generators tbody').innerHTML = (r.generators || []).map((x) =>
      `<tr><td>${x.index}</td><td>${x.bus}</td><td class="num">${num(x.outputMw, 1)}</td><td class="num">${num(x.naiveOutputMw, 1)}</td>`
      + `<td class="num">${num(x.minMw, 0)}–${num(x.maxMw, 0)}</td></tr>`).join('');
    const branches = [...(r.branches || [])].sort((a, b) => (b.loadingPercent ?? -1) - (a.loadingPercent ?? -1));
    $g('#grid-branches tbody').innerHTML = branches.slice(0, 200).map((b) =>
      `<tr><td>${b.index}</td><td>${b.fromBus}–${b.toBus}</td><td class="num">${num(b.flowMw, 1)}</td><td class="num">${num(b.naiveFlowMw, 1)}</td>`
      + `<td class="num">${b.rateAMva ? num(b.rateAMva, 0) : 'unrated'}</td><td class="num">${num(b.loadingPercent, 1)}</td></tr>`).join('');
    diagram(r);
  }

  function loadingColour(p) {
    if (p === null || p === undefined) return '#9aa7b5';
    return p > 100.001 ? '#7a1fa2' : p >= 99.999 ? '#d6322e' : p >= 80 ? '#e8902a' : p >= 50 ? '#e8b923' : '#2e9d4b';
  }

  function lmpColour(v, lo, hi) {
    const t = hi > lo ? (v - lo) / (hi - lo) : 0;
    const a = [31, 111, 191], b = [214, 50, 46];
    const c = a.map((x, i) => Math.round(x + (b[i] - x) * t));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  // A deterministic force layout (Fruchterman–Reingold, 300 iterations from a circle).
  function layout(buses, branches) {
    const n = buses.length;
    const index = new Map(buses.map((b, i) => [b.bus, i]));
    const pos = buses.map((_, i) => [Math.cos(2 * Math.PI * i / n), Math.sin(2 * Math.PI * i / n)]);
    const edges = branches.filter((b) => index.has(b.fromBus) && index.has(b.toBus)).map((b) => [index.get(b.fromBus), index.get(b.toBus)]);
    const k = Math.sqrt(4 / n);
    let temp = 0.2;
    for (let it = 0; it < 300; it++) {
      const disp = pos.map(() => [0, 0]);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
          const d2 = Math.max(1e-6, dx * dx + dy * dy);
          const f = k * k / d2;
          disp[i][0] += dx * f; disp[i][1] += dy * f; disp[j][0] -= dx * f; disp[j][1] -= dy * f;
        }
      }
      edges.forEach(([i, j]) => {
        const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
        const d = Math.max(1e-6, Math.hypot(dx, dy));
        const f = d / k;
        disp[i][0] -= dx * f; disp[i][1] -= dy * f; disp[j][0] += dx * f; disp[j][1] += dy * f;
      });
      pos.forEach((p, i) => {
        const d = Math.max(1e-9, Math.hypot(disp[i][0], disp[i][1]));
        const step = Math.min(d, temp);
        p[0] += disp[i][0] / d * step; p[1] += disp[i][1] / d * step;
      });
      temp *= 0.985;
    }
    return { pos, index };
  }

  const SVG = 'http://www.w3.org/2000/svg';

  function diagram(r) {
    const svg = $g('#grid-diagram');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const buses = r.buses || [];
    if (!buses.length) return;
    const { pos, index } = layout(buses, r.branches || []);
    const W = 760, H = 520, pad = 30;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    pos.forEach(([x, y]) => { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); });
    const sc = Math.min((W - 2 * pad) / Math.max(1e-6, x1 - x0), (H - 2 * pad) / Math.max(1e-6, y1 - y0));
    const X = (x) => pad + (x - x0) * sc, Y = (y) => pad + (y - y0) * sc;
    const maxFlow = Math.max(1, ...(r.branches || []).map((b) => Math.abs(b.flowMw || 0)));
    (r.branches || []).forEach((b) => {
      if (!index.has(b.fromBus) || !index.has(b.toBus)) return;
      const [ax, ay] = pos[index.get(b.fromBus)], [bx, by] = pos[index.get(b.toBus)];
      const line = document.createElementNS(SVG, 'line');
      line.setAttribute('x1', X(ax)); line.setAttribute('y1', Y(ay)); line.setAttribute('x2', X(bx)); line.setAttribute('y2', Y(by));
      line.setAttribute('stroke', loadingColour(b.loadingPercent));
      line.setAttribute('stroke-width', String(1.5 + 5 * Math.abs(b.flowMw || 0) / maxFlow));
      line.setAttribute('class', 'branch');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `branch ${b.index} (${b.fromBus}–${b.toBus}): ${num(b.flowMw, 1)} MW` + (b.loadingPercent === null ? ', unrated' : `, ${num(b.loadingPercent, 1)} % of rating`);
      line.appendChild(title);
      svg.appendChild(line);
    });
    const lmps = buses.map((b) => b.lmpPerMwh).filter((v) => v !== null && isFinite(v));
    const lo = Math.min(...lmps), hi = Math.max(...lmps);
    const gens = new Set((r.generators || []).filter((x) => x.inService).map((x) => x.bus));
    const radius = buses.length > 100 ? 4 : 9;
    buses.forEach((b, i) => {
      const c = document.createElementNS(SVG, gens.has(b.bus) ? 'rect' : 'circle');
      if (gens.has(b.bus)) {
        c.setAttribute('x', X(pos[i][0]) - radius); c.setAttribute('y', Y(pos[i][1]) - radius);
        c.setAttribute('width', 2 * radius); c.setAttribute('height', 2 * radius);
      } else {
        c.setAttribute('cx', X(pos[i][0])); c.setAttribute('cy', Y(pos[i][1])); c.setAttribute('r', radius);
      }
      c.setAttribute('fill', lmpColour(b.lmpPerMwh, lo, hi));
      c.setAttribute('stroke', '#17324d');
      c.setAttribute('class', 'bus');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `bus ${b.bus} (${b.type}): LMP ${num(b.lmpPerMwh, 2)} $/MWh, load ${num(b.loadMw, 1)} MW` + (gens.has(b.bus) ? ', generation' : '');
      c.appendChild(title);
      svg.appendChild(c);
      if (buses.length <= 60) {
        const t = document.createElementNS(SVG, 'text');
        t.setAttribute('x', X(pos[i][0]) + radius + 2); t.setAttribute('y', Y(pos[i][1]) - radius);
        t.setAttribute('class', 'bus-label');
        t.textContent = String(b.bus);
        svg.appendChild(t);
      }
    });
    $g('#grid-lmp-range').textContent = `${num(lo, 2)} $/MWh (blue) to ${num(hi, 2)} $/MWh (red)`;
  }

  // scripts load at the end of the body: the form exists
  $g('#grid-form').addEventListener('submit', start);

  return { show };
})();
