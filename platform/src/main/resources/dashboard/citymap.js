// The city map (#/): Leaflet from its WebJar, no tiles; the road network is drawn from
// /api/scenarios/{id}/map. Geographic (Web Mercator) when the map carries `geo` (CBEngine, SUMO and
// OpenStreetMap networks), else L.CRS.Simple with 1 unit = 1 m.
// Level of detail by screen scale (pixels per metre):
//   < 0.08   roads (one line per direction) and, above 150 signalised intersections, clusters
//   >= 0.08  roads and one dot per signalised intersection
//   >= 0.6   lanes side by side with queue bars, and movement arrows in their current colours
// Clicking an intersection opens its panel (phase diagram, current phase and time in phase, recent
// splits, per-movement vehicles, simulated detector occupancy, the run's figures when it has them).
'use strict';

const CityMap = (function () {
  const JAM_SPACING_METERS = 7.5; // one vehicle per 7.5 m of lane at jam density
  const CLUSTER_ABOVE = 150;
  const SPLIT_HISTORY = 12;
  const esc = (v) => String(v === null || v === undefined ? '' : v)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

  const s = {
    lmap: null, renderer: null, geo: false, model: null, frame: null, lastPaint: 0,
    roads: [], lanes: [], queues: [], arrows: null, dots: null, signalised: [],
    phaseStart: [], phaseNow: [], splits: [], selected: -1, onSelect: null, runFigures: null, lod: '',
  };

  // ---------------------------------------------------------------- coordinates

  function projector(model) {
    const g = model.geo;
    if (!g) return (x, y) => [y, x];
    return (x, y) => [g.lat + (x - g.x) * g.latPerMeterX + (y - g.y) * g.latPerMeterY,
      g.lon + (x - g.x) * g.lonPerMeterX + (y - g.y) * g.lonPerMeterY];
  }

  function pixelsPerMeter() {
    const z = s.lmap.getZoom();
    if (!s.geo) return Math.pow(2, z);
    const lat = s.lmap.getCenter().lat * Math.PI / 180;
    return Math.pow(2, z + 8) / (40075016.686 * Math.cos(lat));
  }

  // The last `length` m of a polyline (the part at the stop line).
  function tail(points, length) {
    const out = [points[points.length - 1]];
    let left = length;
    for (let k = points.length - 1; k > 0 && left > 0; k--) {
      const [x1, y1] = points[k], [x0, y0] = points[k - 1];
      const seg = Math.hypot(x1 - x0, y1 - y0);
      if (seg >= left) { const u = left / (seg || 1); out.push([x1 + (x0 - x1) * u, y1 + (y0 - y1) * u]); left = 0; }
      else { out.push([x0, y0]); left -= seg; }
    }
    return out.reverse();
  }

  function occupancyColour(f) {
    if (f === null || f === undefined || !isFinite(f)) return '#9aa7b5';
    const t = Math.max(0, Math.min(1, f / 0.3)); // red from 30 % of jam density
    const g = [46, 157, 75], a = [232, 185, 35], r = [214, 50, 46];
    const mix = (p, q, u) => p.map((v, i) => Math.round(v + (q[i] - v) * u));
    const c = t < 0.5 ? mix(g, a, t * 2) : mix(a, r, (t - 0.5) * 2);
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  // ---------------------------------------------------------------- building

  function init(containerId, onSelect) {
    s.onSelect = onSelect;
    s.containerId = containerId;
  }

  function createMap(geo) {
    if (s.lmap) s.lmap.remove();
    s.geo = geo;
    s.renderer = L.canvas({ padding: 0.2, tolerance: 4 });
    s.lmap = L.map(s.containerId, {
      crs: geo ? L.CRS.EPSG3857 : L.CRS.Simple, minZoom: geo ? 9 : -6, maxZoom: geo ? 21 : 5, zoomSnap: 0.25,
      preferCanvas: true, renderer: s.renderer, attributionControl: false,
    });
    s.lmap.on('zoomend moveend', () => { levelOfDetail(); });
  }

  function load(model) {
    const geo = !!model.geo;
    if (!s.lmap || s.geo !== geo) createMap(geo);
    s.lmap.eachLayer((l) => s.lmap.removeLayer(l));
    s.model = model;
    s.frame = null;
    s.selected = -1;
    s.runFigures = null;
    const P = projector(model);
    const ll = (pts) => pts.map(([x, y]) => P(x, y));
    // roads: one line per road (its first lane's path), lanes grouped by road
    const byRoad = new Map();
    model.lanes.forEach((lane, i) => {
      if (!byRoad.has(lane.road)) byRoad.set(lane.road, []);
      byRoad.get(lane.road).push(i);
    });
    s.roads = [...byRoad.entries()].map(([road, idx]) => {
      // lane polylines are lane centres already: the middle lane stands for the road
      const middle = model.lanes[idx[Math.floor(idx.length / 2)]];
      const line = L.polyline(ll(middle.points),
        { renderer: s.renderer, color: '#9aa7b5', weight: 3, interactive: false });
      return { road, lanes: idx, line };
    });
    s.lanes = model.lanes.map((lane) => {
      const pts = lane.points;
      return { pts, line: L.polyline(ll(pts), { renderer: s.renderer, color: '#9aa7b5', weight: 2, interactive: false }),
        queue: null, capacity: Math.max(1, lane.lengthMeters / JAM_SPACING_METERS) };
    });
    s.signalised = model.intersections.map((it, i) => (it.signalized && !it.virtual ? i : -1)).filter((i) => i >= 0);
    s.phaseNow = model.intersections.map(() => -1);
    s.phaseStart = model.intersections.map(() => 0);
    s.splits = model.intersections.map(() => []);
    s.dots = L.layerGroup();
    s.arrows = L.layerGroup();
    s.clusters = L.layerGroup();
    const [x0, y0, x1, y1] = model.bounds;
    s.lmap.fitBounds(L.latLngBounds([P(x0, y0), P(x1, y1)]), { padding: [10, 10] });
    s.lod = '';
    levelOfDetail();
    const el = document.getElementById(s.containerId);
    el.dataset.scenario = model.scenario;
    el.dataset.crs = geo ? 'geographic' : 'simple';
    el.dataset.step = '0';
  }

  // ---------------------------------------------------------------- level of detail

  function levelOfDetail() {
    if (!s.model) return;
    const ppm = pixelsPerMeter();
    const lod = ppm >= 0.6 ? 'lanes' : ppm >= 0.08 || s.signalised.length <= CLUSTER_ABOVE ? 'dots' : 'clusters';
    const el = document.getElementById(s.containerId);
    el.dataset.lod = lod;
    el.dataset.pixelsPerMeter = ppm.toFixed(4);
    if (lod !== s.lod) {
      s.lod = lod;
      s.roads.forEach((r) => (lod === 'lanes' ? r.line.remove() : r.line.addTo(s.lmap)));
      s.lanes.forEach((l) => {
        if (lod === 'lanes') l.line.addTo(s.lmap); else l.line.remove();
        if (l.queue && lod !== 'lanes') { l.queue.remove(); l.queue = null; }
      });
      recolour();
    }
    s.clusters.clearLayers();
    s.dots.clearLayers();
    s.arrows.clearLayers();
    s.clusters.addTo(s.lmap); s.dots.addTo(s.lmap); s.arrows.addTo(s.lmap);
    const view = s.lmap.getBounds().pad(0.1);
    const P = projector(s.model);
    if (lod === 'clusters') { drawClusters(view, P); return; }
    const visible = s.signalised.filter((i) => view.contains(P(s.model.intersections[i].x, s.model.intersections[i].y)));
    visible.forEach((i) => {
      const it = s.model.intersections[i];
      L.circleMarker(P(it.x, it.y), { renderer: s.renderer, radius: lod === 'lanes' ? 5 : 4, color: '#17324d', weight: i === s.selected ? 3 : 1,
        fillColor: i === s.selected ? '#1f6fbf' : '#ffffff', fillOpacity: 1 })
        .bindTooltip(it.id).on('click', () => select(i)).addTo(s.dots);
    });
    if (lod === 'lanes' || (s.signalised.length <= 60 && ppm >= 0.15)) {
      visible.slice(0, 400).forEach((i) => drawArrows(i, ppm, P));
    }
  }

  function drawClusters(view, P) {
    const cell = 70; // px
    const cells = new Map();
    s.signalised.forEach((i) => {
      const it = s.model.intersections[i];
      const ll = P(it.x, it.y);
      if (!view.contains(ll)) return;
      const pt = s.lmap.latLngToContainerPoint(ll);
      const key = Math.floor(pt.x / cell) + ':' + Math.floor(pt.y / cell);
      if (!cells.has(key)) cells.set(key, { n: 0, lat: 0, lng: 0 });
      const c = cells.get(key);
      c.n++; c.lat += ll[0]; c.lng += ll[1];
    });
    cells.forEach((c) => {
      const at = [c.lat / c.n, c.lng / c.n];
      L.circleMarker(at, { renderer: s.renderer, radius: 6 + Math.min(14, Math.sqrt(c.n) * 1.6), color: '#17324d', weight: 1,
        fillColor: '#5b8fc7', fillOpacity: 0.75 })
        .bindTooltip(c.n + ' signalised intersections: click to zoom in')
        .on('click', () => s.lmap.setView(at, s.lmap.getZoom() + 2)).addTo(s.clusters);
    });
    document.getElementById(s.containerId).dataset.clusters = String(cells.size);
  }

  // Movement arrows: each road link's path, enlarged about the centre so the glyph is at least
  // ~44 px across, green when its movement has green now, red otherwise, with an arrowhead.
  function drawArrows(i, ppm, P) {
    const it = s.model.intersections[i];
    const phase = s.frame ? s.frame.phases[i] : -1;
    const green = new Set(phase >= 0 ? it.phaseRoadLinks[phase] || [] : []);
    let radius = 1;
    it.roadLinks.forEach((pts) => pts.forEach(([x, y]) => { radius = Math.max(radius, Math.hypot(x - it.x, y - it.y)); }));
    const scale = Math.max(1, 22 / (radius * ppm));
    it.roadLinks.forEach((pts, rl) => {
      const scr = pts.map(([x, y]) => [it.x + (x - it.x) * scale, it.y + (y - it.y) * scale]);
      const on = green.has(rl);
      const colour = !s.frame ? '#7d8b9b' : on ? '#1e9e4a' : '#d6322e';
      L.polyline(scr.map(([x, y]) => P(x, y)), { renderer: s.renderer, color: colour, weight: on ? 3 : 1.5, opacity: on ? 1 : 0.55,
        interactive: false }).addTo(s.arrows);
      const n = scr.length;
      if (n >= 2) {
        const [bx, by] = scr[n - 1], [ax, ay] = scr[n - 2];
        const len = Math.hypot(bx - ax, by - ay) || 1;
        const ux = (bx - ax) / len, uy = (by - ay) / len;
        const h = 5 / ppm; // 5 px arrowhead
        const left = [bx - ux * h - uy * h * 0.6, by - uy * h + ux * h * 0.6];
        const right = [bx - ux * h + uy * h * 0.6, by - uy * h - ux * h * 0.6];
        L.polygon([P(bx, by), P(left[0], left[1]), P(right[0], right[1])], { renderer: s.renderer, color: colour, weight: 1,
          fillColor: colour, fillOpacity: on ? 1 : 0.55, interactive: false }).addTo(s.arrows);
      }
    });
  }

  // ---------------------------------------------------------------- live frames

  function recolour() {
    const f = s.frame;
    const occ = (i) => (f ? f.laneVehicles[i] / s.lanes[i].capacity : null);
    if (s.lod === 'lanes') {
      const P = projector(s.model);
      s.lanes.forEach((l, i) => {
        l.line.setStyle({ color: occupancyColour(occ(i)) });
        const n = f ? f.laneVehicles[i] : 0;
        if (l.queue) { l.queue.remove(); l.queue = null; }
        if (n > 0) {
          const len = Math.min(s.model.lanes[i].lengthMeters, n * JAM_SPACING_METERS);
          l.queue = L.polyline(tail(l.pts, len).map(([x, y]) => P(x, y)),
            { renderer: s.renderer, color: '#5a1e8c', weight: 5, opacity: 0.55, interactive: false }).addTo(s.lmap);
        }
      });
    } else {
      s.roads.forEach((r) => {
        let n = 0, cap = 0;
        r.lanes.forEach((i) => { n += f ? f.laneVehicles[i] : 0; cap += s.lanes[i].capacity; });
        r.line.setStyle({ color: f ? occupancyColour(n / cap) : '#9aa7b5' });
      });
    }
  }

  // Called with every live frame; repaints at most four times a second.
  function update(frame) {
    if (!s.model || !frame || frame.laneVehicles.length !== s.model.lanes.length) return;
    s.frame = frame;
    frame.phases.forEach((p, i) => {
      if (p !== s.phaseNow[i]) {
        if (s.phaseNow[i] >= 0) {
          const split = s.splits[i];
          split.push({ phase: s.phaseNow[i], seconds: frame.timeSeconds - s.phaseStart[i], endSeconds: frame.timeSeconds });
          if (split.length > SPLIT_HISTORY) split.shift();
        }
        s.phaseNow[i] = p;
        s.phaseStart[i] = frame.timeSeconds;
      }
    });
    const now = performance.now();
    if (now - s.lastPaint < 250) return;
    s.lastPaint = now;
    recolour();
    s.arrows.clearLayers();
    const ppm = pixelsPerMeter();
    if (s.lod === 'lanes' || (s.signalised.length <= 60 && ppm >= 0.15)) {
      const P = projector(s.model);
      const view = s.lmap.getBounds().pad(0.1);
      s.signalised.filter((i) => view.contains(P(s.model.intersections[i].x, s.model.intersections[i].y)))
        .slice(0, 400).forEach((i) => drawArrows(i, ppm, P));
    }
    const el = document.getElementById(s.containerId);
    el.dataset.step = String(frame.step);
    document.getElementById('map-clock').textContent =
      `t = ${frame.timeSeconds.toFixed(0)} s   vehicles in network ${frame.vehiclesInNetwork}   waiting to enter ${frame.vehiclesWaitingToEnter}   finished ${frame.vehiclesFinished}`;
    if (s.selected >= 0) panel();
  }

  // ---------------------------------------------------------------- intersection panel

  function select(i) {
    s.selected = i;
    levelOfDetail();
    panel();
    if (s.onSelect) s.onSelect(s.model.intersections[i]);
  }

  // Zooms to an intersection by id and selects it; false when the id is not on the map.
  function zoomTo(id) {
    if (!s.model) return false;
    const i = s.model.intersections.findIndex((it) => it.id === id);
    if (i < 0) return false;
    const it = s.model.intersections[i];
    const P = projector(s.model);
    // 2 px per metre: lanes, queues and arrows
    const z = s.geo ? Math.log2(2 * 40075016.686 * Math.cos(P(it.x, it.y)[0] * Math.PI / 180)) - 8 : 1;
    s.lmap.setView(P(it.x, it.y), z, { animate: false });
    select(i);
    return true;
  }

  function setRunFigures(rows) {
    s.runFigures = rows ? new Map(rows.map((r) => [r.intersectionId, r])) : null;
    if (s.selected >= 0) panel();
  }

  const SVG = 'http://www.w3.org/2000/svg';
  const movementName = { turn_left: 'left', go_straight: 'through', turn_right: 'right' };

  // One small drawing per phase: every movement grey, the phase's green movements green.
  function phaseDiagram(it, current) {
    const wrap = document.createElement('div');
    wrap.id = 'phase-diagram';
    wrap.className = 'phase-diagram';
    let radius = 1;
    it.roadLinks.forEach((pts) => pts.forEach(([x, y]) => { radius = Math.max(radius, Math.hypot(x - it.x, y - it.y)); }));
    it.phaseRoadLinks.forEach((green, p) => {
      const fig = document.createElement('figure');
      fig.className = 'phase' + (p === current ? ' current' : '');
      fig.dataset.phase = String(p);
      fig.dataset.greenMovements = String(green.length);
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('viewBox', '-1.15 -1.15 2.3 2.3');
      svg.setAttribute('width', '64');
      svg.setAttribute('height', '64');
      const on = new Set(green);
      const order = it.roadLinks.map((_, rl) => rl).sort((a, b) => (on.has(a) ? 1 : 0) - (on.has(b) ? 1 : 0));
      order.forEach((rl) => {
        const pts = it.roadLinks[rl];
        const path = document.createElementNS(SVG, 'polyline');
        path.setAttribute('points', pts.map(([x, y]) => `${((x - it.x) / radius).toFixed(3)},${(-(y - it.y) / radius).toFixed(3)}`).join(' '));
        path.setAttribute('fill', 'none');
        path.setAttribute('stroke', on.has(rl) ? '#1e9e4a' : '#d5dbe3');
        path.setAttribute('stroke-width', on.has(rl) ? '0.12' : '0.06');
        svg.appendChild(path);
        if (on.has(rl) && pts.length >= 2) {
          const [bx, by] = pts[pts.length - 1], [ax, ay] = pts[pts.length - 2];
          const len = Math.hypot(bx - ax, by - ay) || 1;
          const ux = (bx - ax) / len, uy = -(by - ay) / len;
          const tx = (bx - it.x) / radius, ty = -(by - it.y) / radius;
          const head = document.createElementNS(SVG, 'polygon');
          head.setAttribute('points', [[tx, ty], [tx - ux * 0.25 - uy * 0.15, ty - uy * 0.25 + ux * 0.15],
            [tx - ux * 0.25 + uy * 0.15, ty - uy * 0.25 - ux * 0.15]].map(([x, y]) => x.toFixed(3) + ',' + y.toFixed(3)).join(' '));
          head.setAttribute('fill', '#1e9e4a');
          svg.appendChild(head);
        }
      });
      fig.appendChild(svg);
      const cap = document.createElement('figcaption');
      cap.textContent = 'phase ' + p + (green.length ? '' : ' (all red)');
      fig.appendChild(cap);
      wrap.appendChild(fig);
    });
    return wrap;
  }

  function panel() {
    const box = document.getElementById('junction');
    if (!s.model || s.selected < 0) { box.hidden = true; return; }
    box.hidden = false;
    const i = s.selected;
    const it = s.model.intersections[i];
    const f = s.frame;
    const phase = f ? f.phases[i] : -1;
    const inPhase = f ? f.timeSeconds - s.phaseStart[i] : null;
    const lines = [];
    lines.push(`<button type="button" id="junction-close" class="close" aria-label="close">×</button><h3 id="junction-title">Intersection ${esc(it.id)}</h3>`);
    lines.push(`<p id="junction-phase">${f ? `current phase <b>${phase}</b>, for ${inPhase.toFixed(0)} s` : 'no live run: phases shown without state'}; ${it.phaseCount} phases, ${it.roadLinks.length} movements</p>`);
    box.innerHTML = lines.join('');
    document.getElementById('junction-close').addEventListener('click', () => { s.selected = -1; box.hidden = true; levelOfDetail(); });
    box.appendChild(phaseDiagram(it, phase));
    const splits = s.splits[i];
    const hist = document.createElement('div');
    hist.innerHTML = '<h4>Recent splits (phase: green s)</h4>' + (splits.length
      ? '<p id="junction-splits">' + splits.map((x) => `${x.phase}: ${x.seconds.toFixed(0)}`).join(' · ') + '</p>'
      : '<p id="junction-splits">none yet (they appear as the live run changes phases)</p>');
    box.appendChild(hist);
    const green = new Set(phase >= 0 ? it.phaseRoadLinks[phase] || [] : []);
    const rows = it.roadLinks.map((_, rl) => {
      const lanes = it.roadLinkLanes[rl] || [];
      const vehicles = f ? lanes.reduce((a, l) => a + f.laneVehicles[l], 0) : null;
      const occ = f ? lanes.reduce((a, l) => a + f.laneVehicles[l] * JAM_SPACING_METERS / s.model.lanes[l].lengthMeters, 0) / Math.max(1, lanes.length) : null;
      const road = lanes.length ? s.model.lanes[lanes[0]].road : '';
      return `<tr><td>${rl}</td><td>${esc(road)}</td><td>${esc(movementName[it.roadLinkTypes[rl]] || it.roadLinkTypes[rl])}</td>`
        + `<td class="${green.has(rl) ? 'sig-green' : 'sig-red'}">${f ? (green.has(rl) ? 'green' : 'red') : '—'}</td>`
        + `<td class="num">${vehicles === null ? '—' : vehicles}</td><td class="num">${occ === null ? '—' : (100 * occ).toFixed(0) + ' %'}</td></tr>`;
    });
    const table = document.createElement('div');
    table.innerHTML = '<h4>Movements</h4><table id="junction-movements" class="runs"><thead><tr><th>#</th><th>from road</th><th>turn</th>'
      + '<th>signal</th><th>vehicles on approach lanes</th><th>detector occupancy</th></tr></thead><tbody>' + rows.join('') + '</tbody></table>'
      + '<p class="note">Detector occupancy: simulated loop detectors, vehicles × 7.5 m over lane length, mean over the approach lanes.</p>';
    box.appendChild(table);
    const fig = s.runFigures && s.runFigures.get(it.id);
    if (fig) {
      const run = document.createElement('div');
      run.innerHTML = `<h4>Whole run</h4><table class="kv" id="junction-run"><tbody>`
        + `<tr><td>vehicles passed</td><td>${fig.vehiclesPassed}</td></tr>`
        + `<tr><td>mean queue (vehicles)</td><td>${fig.meanQueueLengthVehicles === null ? '—' : fig.meanQueueLengthVehicles.toFixed(1)}</td></tr>`
        + `<tr><td>max queue (vehicles)</td><td>${fig.maxQueueLengthVehicles}</td></tr>`
        + `<tr><td>mean stopped delay (s per vehicle)</td><td>${fig.meanStoppedDelaySeconds === null ? '—' : fig.meanStoppedDelaySeconds.toFixed(1)}</td></tr>`
        + `<tr><td>phase changes</td><td>${fig.phaseChanges}</td></tr></tbody></table>`;
      box.appendChild(run);
    }
  }

  function loaded() { return s.model ? s.model.scenario : null; }
  // ids of the signalised intersections, in map order; one intersection of the map by id
  function signalisedIds() { return s.model ? s.signalised.map((i) => s.model.intersections[i].id) : []; }
  function intersection(id) { return s.model ? s.model.intersections.find((it) => it.id === id) || null : null; }
  function leaflet() { return s.lmap; }

  return { init, load, update, select, zoomTo, setRunFigures, loaded, leaflet, signalisedIds, intersection };
})();
