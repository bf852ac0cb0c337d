// citybrain operations centre: a dependency-free single page (Chart.js comes from a WebJar).
// Views: #/ (city map, live), #/runs, #/runs/{id}, #/compare, #/replay/{id}, #/audit.
'use strict';

const $ = (sel) => document.querySelector(sel);
// Text from the server can come from users (uploaded scenario names, intersection ids, error
// details): escape it before it goes into HTML.
const esc = (v) => String(v === null || v === undefined ? '' : v)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const state = { map: null, mapScenario: null, liveRun: null, source: null, charts: {}, controllers: [], scenarios: [] };

// ------------------------------------------------------------------ API

// The API token lives in this page's memory only: local storage was readable by any script that
// ever ran on this origin, and it outlived the session. Reloading the page asks for it again.
let apiToken = '';
function token() { return apiToken; }

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token()) headers['Authorization'] = 'Bearer ' + token();
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(options.json);
  }
  const r = await fetch(path, Object.assign({}, options, { headers }));
  const text = await r.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = text; }
  if (!r.ok) {
    const err = new Error(body && body.message ? body.message : r.status + ' ' + r.statusText);
    err.status = r.status; err.body = body;
    throw err;
  }
  return body;
}

function say(text, isError) {
  const m = $('#message');
  m.textContent = text || '';
  m.className = text ? 'show' + (isError ? ' error' : '') : '';
}

function describeError(e) {
  if (e.body && e.body.fields) return e.message + ' — ' + Object.entries(e.body.fields).map(([k, v]) => k + ': ' + v).join('; ');
  if (e.status === 401) return e.message + ' Paste a token (citybrain token create --name NAME) in the top right.';
  return e.message;
}

// ------------------------------------------------------------------ routing

function route() {
  const hash = location.hash || '#/';
  const parts = hash.slice(2).split('/');
  document.querySelectorAll('.view').forEach((v) => v.classList.remove('active'));
  document.querySelectorAll('nav a').forEach((a) => a.classList.remove('active'));
  if (parts[0] === 'runs' && parts[1]) { show('run', 'runs'); showRun(Number(parts[1])); }
  else if (parts[0] === 'runs') { show('runs', 'runs'); refreshRuns(); }
  else if (parts[0] === 'compare') { show('compare', 'compare'); showCompare(); }
  else if (parts[0] === 'replay') {
    show('replay', 'replay');
    if (parts[1]) showReplay(Number(parts[1]));
    else if (!replay.local) {
      Object.assign(replay, { roadnet: null, frames: [], total: 0, runId: null, index: 0 });
      $('#replay-title').textContent = 'Replay: open a finished run with a replay (Runs), or CityFlow replay files';
      $('#replay-step').textContent = '';
      drawReplay();
    }
  }
  else if (parts[0] === 'grid') { show('grid', 'grid'); GridPage.show(parts[1]); }
  else if (parts[0] === 'audit') { show('audit', 'audit'); showAudit(); }
  else if (parts[0] === 'live') { show('live', 'live'); }
  else { show('city', 'city'); }
}

function show(view, nav) {
  $('#view-' + view).classList.add('active');
  const a = $('#nav-' + nav);
  if (a) a.classList.add('active');
}

// ------------------------------------------------------------------ city map

function transform(bounds, canvas, pad = 20) {
  const [x0, y0, x1, y1] = bounds;
  const s = Math.min((canvas.width - 2 * pad) / Math.max(1, x1 - x0), (canvas.height - 2 * pad) / Math.max(1, y1 - y0));
  const ox = pad + ((canvas.width - 2 * pad) - s * (x1 - x0)) / 2;
  const oy = pad + ((canvas.height - 2 * pad) - s * (y1 - y0)) / 2;
  return { s, px: (x) => ox + (x - x0) * s, py: (y) => canvas.height - (oy + (y - y0) * s) };
}

function densityColour(d) {
  // 0 → green, 0.5 → amber, 1 → red
  const t = Math.max(0, Math.min(1, d));
  const g = [46, 157, 75], a = [232, 185, 35], r = [214, 50, 46];
  const mix = (p, q, u) => p.map((v, i) => Math.round(v + (q[i] - v) * u));
  const c = t < 0.5 ? mix(g, a, t * 2) : mix(a, r, (t - 0.5) * 2);
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

async function loadMap(scenario) {
  if (state.mapScenario === scenario && state.map) return state.map;
  const map = await api('/api/scenarios/' + encodeURIComponent(scenario) + '/map');
  state.map = map;
  state.mapScenario = scenario;
  CityMap.load(map);
  return map;
}

// The city map is drawn by CityMap (citymap.js, Leaflet); a frame recolours it.
function drawMap(frame) {
  if (frame) CityMap.update(frame);
}

async function showRunFiguresOnMap(run) {
  if (!run.hasResults) { CityMap.setRunFigures(null); return; }
  try { CityMap.setRunFigures((await api('/api/runs/' + run.id + '/intersections')).intersections); } catch (e) { CityMap.setRunFigures(null); }
}

async function zoomToJunction(ev) {
  ev.preventDefault();
  const id = $('#junction-search').value.trim();
  if (!id) return;
  if (!CityMap.zoomTo(id)) say(`No intersection '${id}' on the ${state.mapScenario || ''} map (ids as in the roadnet file, e.g. intersection_1_1).`, true);
  else say('');
}

async function watch(run) {
  if (state.source) { state.source.close(); state.source = null; }
  state.liveRun = run;
  await loadMap(run.scenario);
  showRunFiguresOnMap(run);
  const info = $('#live-info');
  info.innerHTML = `Run <a href="#/runs/${run.id}">${run.id}</a>: ${esc(run.controller)} on ${esc(run.scenarioName)} — <span id="live-status">${esc(run.statusText)}</span> — step <span id="live-step">${run.stepsDone}</span> / ${run.steps}`;
  if (run.status !== 'queued' && run.status !== 'running') return;
  const tokenParam = token() ? '?access_token=' + encodeURIComponent(token()) : '';
  const es = new EventSource('/api/runs/' + run.id + '/live' + tokenParam);
  state.source = es;
  let pending = null;
  es.addEventListener('frame', (ev) => {
    pending = JSON.parse(ev.data);
  });
  es.addEventListener('end', (ev) => {
    const end = JSON.parse(ev.data);
    $('#live-status').textContent = end.statusText;
    es.close();
    api('/api/runs/' + run.id).then(showRunFiguresOnMap).catch(() => {});
    refreshRuns();
  });
  es.addEventListener('error', () => { /* the browser reconnects by itself */ });
  const paint = () => {
    if (state.source !== es) return;
    if (pending) {
      drawMap(pending);
      $('#live-step').textContent = pending.step;
      $('#live-status').textContent = 'running';
      $('#live-progress').style.width = (100 * pending.step / run.steps) + '%';
      pending = null;
    }
    requestAnimationFrame(paint);
  };
  requestAnimationFrame(paint);
}

// ------------------------------------------------------------------ runs

function runRow(r, full) {
  const bar = `<span class="bar"><b style="width:${Math.round(100 * r.progress)}%"></b></span> ${Math.round(100 * r.progress)}%`;
  const cells = [`<a href="#/runs/${r.id}">${r.id}</a>`, esc(r.controller), `<span class="status-${esc(r.status)}">${esc(r.statusText)}</span>`, bar];
  if (full) {
    cells.splice(1, 0, esc(r.scenarioName));
    cells.push(esc(r.createdBy), esc(new Date(r.createdAt).toLocaleString()));
  }
  return `<tr data-run="${r.id}" data-status="${esc(r.status)}">` + cells.map((c) => `<td>${c}</td>`).join('') + '</tr>';
}

async function refreshRuns() {
  try {
    const { runs } = await api('/api/runs?limit=50');
    $('#runs-table tbody').innerHTML = runs.map((r) => runRow(r, true)).join('');
    $('#runs-mini tbody').innerHTML = runs.slice(0, 12).map((r) => runRow(r, false)).join('');
    // nothing live on the map (never was, or its stream ended): follow the next run that is, such
    // as the next demo run of serve --demo
    const idle = !state.liveRun || !state.source || state.source.readyState === EventSource.CLOSED;
    if (idle) {
      const running = runs.find((r) => r.status === 'running') || runs.find((r) => r.status === 'queued');
      if (running && (!state.liveRun || running.id !== state.liveRun.id)) watch(running);
      else if (!running && runs.length && !state.map) { await loadMap(runs[0].scenario); }
      else if (!running && !runs.length && !state.map) { await loadMap($('#scenario').value || 'jinan'); }
    }
  } catch (e) { say(describeError(e), true); }
}

async function startRun(ev) {
  ev.preventDefault();
  const params = {
    scenario: $('#scenario').value,
    controller: $('#controller').value,
    steps: Number($('#steps').value),
    paceStepsPerSecond: Number($('#pace').value),
    seed: Number($('#seed').value),
    replay: $('#replay').checked,
  };
  try {
    const run = await api('/api/runs', { method: 'POST', json: params });
    say(`Run ${run.id} started.`);
    await watch(run);
    refreshRuns();
  } catch (e) { say(describeError(e), true); }
}

// Friendly labels, with units, for the summary fields (docs/metrics.md)
const LABELS = {
  averageTravelTimeSeconds: 'average travel time (s)', averageTravelTimeFinishedSeconds: 'average travel time, finished trips (s)',
  vehiclesSpawned: 'vehicles spawned', vehiclesFinished: 'vehicles finished', vehiclesInNetwork: 'vehicles in network at the end',
  vehiclesWaitingToEnter: 'vehicles waiting to enter at the end', throughputVehiclesPerHour: 'throughput (vehicles/h)',
  meanDelaySeconds: 'mean delay vs free flow (s)', delayIndex: 'delay index (travel time / free-flow time)',
  meanQueueLengthVehicles: 'mean queue (vehicles, whole network)', stops: 'stops', phaseChanges: 'phase changes',
  controllerParameters: 'controller parameters', seed: 'seed', steps: 'steps (s simulated)', wallSeconds: 'wall time (s)',
  completed: 'completed', maxStoppedSeconds: 'longest stop (s)', stopsPerFinishedVehicle: 'stops per finished vehicle',
};
const label = (k) => LABELS[k] || k;

function fmt(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString() : v.toFixed(2);
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => k + '=' + x).join(', ');
  return String(v);
}

function lineChart(id, labels, datasets) {
  if (state.charts[id]) state.charts[id].destroy();
  const canvas = document.getElementById(id);
  state.charts[id] = new Chart(canvas, {
    type: 'line',
    data: { labels, datasets: datasets.map((d) => Object.assign({ pointRadius: 0, borderWidth: 2, tension: 0.2 }, d)) },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: 'simulated time (s)' } } } },
  });
  canvas.dataset.points = String(labels.length);
}

async function showRun(id) {
  try {
    const run = await api('/api/runs/' + id);
    $('#run-title').textContent = `Run ${run.id}: ${run.controller} ${run.controllerVersion} on ${run.scenarioName} — ${run.statusText}`;
    const actions = [];
    if (run.status === 'running' || run.status === 'queued') actions.push(`<button class="danger" id="cancel-run">Cancel</button>`);
    if (run.replayAvailable) actions.push(`<a href="#/replay/${run.id}">Replay</a>`);
    $('#run-actions').innerHTML = actions.join(' ');
    if ($('#cancel-run')) $('#cancel-run').onclick = async () => {
      try { await api('/api/runs/' + id + '/cancel', { method: 'POST' }); showRun(id); } catch (e) { say(describeError(e), true); }
    };
    if (!run.hasResults) {
      $('#summary tbody').innerHTML = `<tr><td>status</td><td>${esc(run.statusText)} (${run.stepsDone} / ${run.steps} steps)</td></tr>`;
      if (run.status === 'running' || run.status === 'queued') setTimeout(() => { if (location.hash === '#/runs/' + id) showRun(id); }, 1000);
      return;
    }
    const [summary, series, inter] = await Promise.all([
      api('/api/runs/' + id + '/summary'), api('/api/runs/' + id + '/timeseries'), api('/api/runs/' + id + '/intersections')]);
    const keys = ['averageTravelTimeSeconds', 'averageTravelTimeFinishedSeconds', 'vehiclesSpawned', 'vehiclesFinished', 'vehiclesInNetwork',
      'vehiclesWaitingToEnter', 'throughputVehiclesPerHour', 'meanDelaySeconds', 'delayIndex', 'meanQueueLengthVehicles', 'stops',
      'stopsPerFinishedVehicle', 'maxStoppedSeconds', 'phaseChanges', 'controllerParameters', 'seed', 'steps', 'wallSeconds', 'completed'];
    $('#summary tbody').innerHTML = keys.map((k) => `<tr><td title="${k}">${esc(label(k))}</td><td>${esc(fmt(summary[k]))}</td></tr>`).join('');
    const pts = series.points;
    const labels = pts.map((p) => p.timeSeconds);
    lineChart('chart-att', labels, [
      { label: 'all vehicles (CityFlow)', data: pts.map((p) => p.averageTravelTimeSeconds), borderColor: '#1f6fbf' },
      { label: 'finished trips', data: pts.map((p) => p.averageTravelTimeFinishedSeconds), borderColor: '#8e44ad' }]);
    lineChart('chart-vehicles', labels, [
      { label: 'in network', data: pts.map((p) => p.vehiclesInNetwork), borderColor: '#2e7d32' },
      { label: 'waiting to enter', data: pts.map((p) => p.vehiclesWaitingToEnter), borderColor: '#e67e22' }]);
    lineChart('chart-queue', labels, [
      { label: 'queue at window end', data: pts.map((p) => p.queueLengthVehicles), borderColor: '#c0392b' },
      { label: 'mean over window', data: pts.map((p) => p.meanQueueLengthVehicles), borderColor: '#7f8c8d' }]);
    $('#intersections tbody').innerHTML = inter.intersections.map((r) =>
      `<tr><td>${esc(r.intersectionId)}</td><td>${r.vehiclesPassed}</td><td>${fmt(r.meanQueueLengthVehicles)}</td><td>${r.maxQueueLengthVehicles}</td><td>${fmt(r.meanStoppedDelaySeconds)}</td><td>${r.phaseChanges}</td></tr>`).join('');
  } catch (e) { say(describeError(e), true); }
}

// ------------------------------------------------------------------ compare

async function showCompare() {
  const scenario = $('#compare-scenario').value || 'jinan';
  try {
    const { runs } = await api('/api/runs?status=succeeded&scenario=' + encodeURIComponent(scenario) + '&limit=200');
    const latest = new Map();
    runs.forEach((r) => { if (!latest.has(r.controller)) latest.set(r.controller, r); });
    const chosen = [...latest.values()].sort((a, b) => a.controller.localeCompare(b.controller));
    if (!chosen.length) {
      $('#compare-table').innerHTML = '<tr><td>No finished runs on this scenario yet: press "Run every controller".</td></tr>';
      return;
    }
    const { runs: rows } = await api('/api/compare?runs=' + chosen.map((r) => r.id).join(','));
    const keys = ['averageTravelTimeSeconds', 'averageTravelTimeFinishedSeconds', 'vehiclesFinished', 'throughputVehiclesPerHour',
      'meanDelaySeconds', 'meanQueueLengthVehicles', 'stops', 'phaseChanges', 'steps'];
    $('#compare-table').innerHTML = '<tr><th></th>' + rows.map((r) => `<th><a href="#/runs/${r.run.id}">${esc(r.run.controller)}</a> (run ${r.run.id})</th>`).join('') + '</tr>' +
      keys.map((k) => `<tr><td title="${k}">${esc(label(k))}</td>` + rows.map((r) => `<td>${esc(fmt(r.summary[k]))}</td>`).join('') + '</tr>').join('');
    if (state.charts['compare-att']) state.charts['compare-att'].destroy();
    state.charts['compare-att'] = new Chart($('#compare-att'), {
      type: 'bar',
      data: { labels: rows.map((r) => r.run.controller), datasets: [{ label: 'average travel time (s)', data: rows.map((r) => r.summary.averageTravelTimeSeconds), backgroundColor: '#1f6fbf' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    });
    const colours = ['#1f6fbf', '#c0392b', '#2e7d32', '#8e44ad', '#e67e22', '#16a085'];
    const longest = rows.reduce((a, r) => (r.timeSeries.length > a.length ? r.timeSeries : a), []);
    lineChart('compare-vehicles', longest.map((p) => p.timeSeconds),
      rows.map((r, i) => ({ label: r.run.controller, data: r.timeSeries.map((p) => p.vehiclesInNetwork), borderColor: colours[i % colours.length] })));
  } catch (e) { say(describeError(e), true); }
}

async function runAllControllers() {
  const scenario = $('#compare-scenario').value;
  try {
    for (const c of state.controllers) {
      await api('/api/runs', { method: 'POST', json: { scenario, controller: c.name, steps: 3600 } });
    }
    say('Started every controller on ' + scenario + '; the table fills in as runs finish.');
    const poll = setInterval(() => { if (location.hash.startsWith('#/compare')) showCompare(); else clearInterval(poll); }, 3000);
  } catch (e) { say(describeError(e), true); }
}

// ------------------------------------------------------------------ replay

const replay = { roadnet: null, frames: [], total: 0, runId: null, playing: false, index: 0, local: null };

function replayProblem(json) {
  // The replay viewer needs the replay roadnet ({"static": {nodes, edges}}), not the input roadnet.
  if (json && json.static && Array.isArray(json.static.nodes) && Array.isArray(json.static.edges)) return null;
  if (json && json.intersections && json.roads) {
    return 'Wrong file type: this is a CityFlow input roadnet (roadnetFile, with "intersections" and "roads"). ' +
      'The replay viewer needs the replay roadnet a run writes (roadnetLogFile, with a top-level "static" object).';
  }
  return 'Wrong file type: not a replay roadnet; expected {"static": {"nodes": [...], "edges": [...]}} as written to roadnetLogFile.';
}

async function showReplay(id) {
  replay.runId = id; replay.local = null; replay.frames = []; replay.index = 0;
  $('#replay-error').textContent = '';
  $('#replay-title').textContent = 'Replay of run ' + id;
  try {
    replay.roadnet = await api('/api/runs/' + id + '/replay/roadnet');
    await fetchFrames(0);
    drawReplay();
  } catch (e) { $('#replay-error').textContent = describeError(e); }
}

async function fetchFrames(from) {
  if (replay.local) return;
  const page = await api(`/api/runs/${replay.runId}/replay/frames?from=${from}&count=300`);
  replay.total = page.total;
  page.frames.forEach((f, k) => { replay.frames[page.from + k] = f; });
  $('#replay-slider').max = String(Math.max(0, replay.total - 1));
}

function parseFrame(line) {
  const [cars, lights] = line.split(';');
  const vehicles = cars.split(',').filter((s) => s).map((s) => {
    const f = s.split(' ');
    return { x: +f[0], y: +f[1], heading: +f[2], id: f[3], length: +f[5], width: +f[6] };
  });
  const signals = {};
  (lights || '').split(',').filter((s) => s).forEach((s) => { const f = s.split(' '); signals[f[0]] = f.slice(1); });
  return { vehicles, signals };
}

function drawReplay() {
  const canvas = $('#replay-canvas');
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const net = replay.roadnet && replay.roadnet.static;
  if (!net) return;
  let b = [Infinity, Infinity, -Infinity, -Infinity];
  net.nodes.forEach((n) => { b = [Math.min(b[0], n.point[0]), Math.min(b[1], n.point[1]), Math.max(b[2], n.point[0]), Math.max(b[3], n.point[1])]; });
  const t = transform(b, canvas);
  const line = replay.frames[replay.index];
  const frame = line ? parseFrame(line) : { vehicles: [], signals: {} };
  net.edges.forEach((e) => {
    const w = e.laneWidths.reduce((a, x) => a + x, 0);
    ctx.strokeStyle = '#c9d1db'; ctx.lineWidth = Math.max(1, w * t.s);
    ctx.beginPath();
    e.points.forEach(([x, y], k) => (k ? ctx.lineTo(t.px(x), t.py(y)) : ctx.moveTo(t.px(x), t.py(y))));
    ctx.stroke();
    const lights = frame.signals[e.id];
    if (lights) {
      const [x, y] = e.points[e.points.length - 1];
      const [px, py] = e.points[e.points.length - 2];
      const len = Math.hypot(x - px, y - py) || 1;
      lights.forEach((s, k) => {
        const off = (k + 0.5) * (e.laneWidths[k] || 3);
        const lx = x - (x - px) / len * 12 + (y - py) / len * off;
        const ly = y - (y - py) / len * 12 - (x - px) / len * off;
        ctx.fillStyle = s === 'g' ? '#2e9d4b' : s === 'r' ? '#d6322e' : '#9aa7b5';
        ctx.fillRect(t.px(lx) - 2, t.py(ly) - 2, 4, 4);
      });
    }
  });
  ctx.fillStyle = '#1f6fbf';
  frame.vehicles.forEach((v) => {
    ctx.save();
    ctx.translate(t.px(v.x), t.py(v.y));
    ctx.rotate(-v.heading);
    const L = Math.max(2, v.length * t.s), W = Math.max(1.5, v.width * t.s);
    ctx.fillRect(-L, -W / 2, L, W); // the record's point is the vehicle's front
    ctx.restore();
  });
  $('#replay-slider').value = String(replay.index);
  $('#replay-step').textContent = `step ${replay.index + 1} / ${replay.total} — ${frame.vehicles.length} vehicles`;
}

async function replayTick() {
  if (!replay.playing) return;
  if (replay.index + 1 >= replay.total) { replay.playing = false; $('#replay-play').textContent = 'Play'; return; }
  replay.index++;
  if (!replay.frames[replay.index]) await fetchFrames(replay.index);
  drawReplay();
  setTimeout(replayTick, 50);
}

async function openLocalReplay() {
  const rf = $('#replay-roadnet-file').files[0];
  const lf = $('#replay-log-file').files[0];
  $('#replay-error').textContent = '';
  if (!rf) return;
  let json;
  try { json = JSON.parse(await rf.text()); } catch (e) { $('#replay-error').textContent = 'Not JSON: ' + e.message; return; }
  const problem = replayProblem(json);
  if (problem) { $('#replay-error').textContent = problem; replay.roadnet = null; drawReplay(); return; }
  replay.roadnet = json; replay.local = rf.name; replay.index = 0;
  replay.frames = lf ? (await lf.text()).split('\n').filter((s) => s) : [];
  replay.total = replay.frames.length;
  $('#replay-slider').max = String(Math.max(0, replay.total - 1));
  $('#replay-title').textContent = 'Replay of ' + rf.name;
  drawReplay();
}

// ------------------------------------------------------------------ audit

async function showAudit() {
  try {
    const [v, { entries }] = await Promise.all([api('/api/audit/verify'), api('/api/audit?newest=true&limit=100')]);
    $('#audit-verify').innerHTML = `<span class="${v.intact ? 'status-succeeded' : 'error'}">${esc(v.description)}</span>`;
    $('#audit-table tbody').innerHTML = entries.map((e) =>
      `<tr><td>${e.seq}</td><td>${esc(new Date(e.at).toLocaleString())}</td><td>${esc(e.actor)}</td><td>${esc(e.action)}</td><td>${esc(e.target)}</td>` +
      `<td>${e.controller ? esc(e.controller + ' ' + e.controllerVersion) : ''}</td><td>${esc(e.details)}</td><td title="${esc(e.hash)}">${esc(e.hash.slice(0, 12))}…</td></tr>`).join('');
  } catch (e) { say(describeError(e), true); }
}

// ------------------------------------------------------------------ start

async function init() {
  localStorage.removeItem('citybrain.token'); // left there by earlier versions
  $('#token').addEventListener('change', () => { apiToken = $('#token').value.trim(); say(''); });
  $('#run-form').addEventListener('submit', startRun);
  CityMap.init('map');
  $('#junction-form').addEventListener('submit', zoomToJunction);
  $('#scenario').addEventListener('change', () => {
    // no live stream open (or it has ended): show the chosen scenario's map
    if (!state.source || state.source.readyState === EventSource.CLOSED) {
      say('Loading the map of ' + $('#scenario').selectedOptions[0].text + '…');
      loadMap($('#scenario').value).then(() => say('')).catch((e) => say(describeError(e), true));
    }
  });
  $('#compare-run-all').addEventListener('click', runAllControllers);
  $('#compare-scenario').addEventListener('change', showCompare);
  $('#replay-play').addEventListener('click', () => {
    replay.playing = !replay.playing;
    $('#replay-play').textContent = replay.playing ? 'Pause' : 'Play';
    replayTick();
  });
  $('#replay-slider').addEventListener('input', async () => {
    replay.index = Number($('#replay-slider').value);
    if (!replay.frames[replay.index]) await fetchFrames(replay.index);
    drawReplay();
  });
  $('#replay-roadnet-file').addEventListener('change', openLocalReplay);
  $('#replay-log-file').addEventListener('change', openLocalReplay);
  try {
    const [{ scenarios }, { controllers }] = await Promise.all([api('/api/scenarios'), api('/api/controllers')]);
    state.scenarios = scenarios; state.controllers = controllers;
    const options = scenarios.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('');
    $('#scenario').innerHTML = options; $('#compare-scenario').innerHTML = options;
    $('#controller').innerHTML = controllers.map((c) => `<option value="${esc(c.name)}">${esc(c.name)} (v${esc(c.version)})</option>`).join('');
    $('#controller').value = 'max-pressure';
  } catch (e) { say(describeError(e), true); }
  window.addEventListener('hashchange', route);
  route();
  await refreshRuns();
  setInterval(refreshRuns, 2000);
}

init();
