// Lifelines: every unit's existence, names and reporting line over the years, drawn from the
// whole timeline, with the instruments marked on the axis. Choosing a date (a click on the
// drawing, or an instrument's mark) opens the chart as of that date.

import {pick, wrap} from './orgchart.js';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, "Noto Sans", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif';

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const STYLE = `
  .ll-axis text, .ll-instrument text { font: 11px ${FONT}; fill: #4a5263; }
  .ll-axis line { stroke: #d5dae3; }
  .ll-label { font: 600 12px ${FONT}; fill: #1d2330; }
  .ll-bar { stroke: #fff; stroke-width: 1; }
  .ll-kind-entity, .ll-kind-fund { fill: #7fae7f; }
  .ll-kind-division, .ll-kind-office { fill: #7d9fcc; }
  .ll-kind-post { fill: #a58cc6; }
  .ll-kind-other, .ll-kind-branch, .ll-kind-section { fill: #9aa5b8; }
  .ll-name { font: 11px ${FONT}; fill: #10141c; }
  .ll-move { stroke: #1d2330; stroke-width: 2; }
  .ll-instrument line { stroke: #a15c00; stroke-dasharray: 3 3; }
  .ll-instrument:focus { outline: none; }
  .ll-instrument:focus-visible text, .ll-instrument:hover text { fill: #1f5fa8; text-decoration: underline; }
  .ll-instrument:focus-visible line { stroke-width: 3; }
  .ll-guide line { stroke: #1f5fa8; }
  .ll-guide text { font: 600 11px ${FONT}; fill: #1f5fa8; }
`;

const DAY = 86_400_000;
const toTime = (isoDate) => Date.parse(`${isoDate}T00:00:00Z`);
const toDate = (time) => new Date(time).toISOString().slice(0, 10);

/** [{id, kind, segments: [{from, to, name}], moves: [{date, parentId}], established, abolished}] */
export function lifelinesOf(changes) {
  const units = new Map();
  const instruments = [];
  for (const change of changes) {
    if (change.retracted) continue;
    if (change.type === 'BulletinPromulgated' && change.instrument) {
      instruments.push({symbol: change.instrument, date: change.effectiveFrom});
      continue;
    }
    if (!change.unitId) continue;
    if (change.type === 'UnitEstablished') {
      units.set(change.unitId, {id: change.unitId, kind: change.kind, established: change.effectiveFrom, abolished: null,
        parentId: change.parentId ?? null, segments: [{from: change.effectiveFrom, name: change.name}], moves: []});
      continue;
    }
    const unit = units.get(change.unitId);
    if (!unit) continue;
    if (change.type === 'UnitRenamed') unit.segments.push({from: change.effectiveFrom, name: change.name});
    if (change.type === 'ReportingLineChanged') unit.moves.push({date: change.effectiveFrom, parentId: change.parentId});
    if (change.type === 'UnitAbolished') unit.abolished = change.effectiveFrom;
  }
  // parents before children, siblings in the order they were established
  const ordered = [];
  const children = new Map();
  for (const unit of units.values()) {
    const key = unit.parentId && units.has(unit.parentId) ? unit.parentId : null;
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(unit);
  }
  const visit = (unit, depth) => {
    unit.depth = depth;
    ordered.push(unit);
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return {units: ordered, instruments};
}

/** Draws the lifelines into container; onDate(isoDate) when a date is chosen. */
export function drawLifelines({units, instruments}, container, {language, onDate, chartHref}) {
  const width = Math.max(container.clientWidth, 720);
  const narrow = container.clientWidth < 640;
  const labelWidth = narrow ? 150 : 300;
  const dates = [...units.flatMap((unit) => [unit.established, unit.abolished]), ...instruments.map((i) => i.date)].filter(Boolean);
  const start = new Date(Math.min(...dates.map(toTime)));
  const first = Date.UTC(start.getUTCFullYear(), 0, 1);
  const end = Date.UTC(new Date(Math.max(...dates.map(toTime))).getUTCFullYear() + 2, 0, 1);
  const left = labelWidth + 10;
  const right = width - 16;
  const x = (time) => left + ((time - first) / (end - first)) * (right - left);
  const rowHeight = 28;
  // instrument labels on staggered lines so that close ones do not overlap
  const lanes = [];
  const marks = instruments.slice().sort((a, b) => toTime(a.date) - toTime(b.date)).map((instrument) => {
    const at = x(toTime(instrument.date));
    const textWidth = instrument.symbol.length * 6.5 + 8;
    const flip = at + textWidth > width - 4; // near the right edge the label ends at its line
    const [from, to] = flip ? [at - textWidth, at] : [at, at + textWidth];
    let lane = lanes.findIndex((endX) => endX < from);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = to;
    return {...instrument, at, lane, flip};
  });
  const top = 14 + Math.max(lanes.length, 1) * 15 + 8;
  const bottom = top + units.length * rowHeight;
  const height = bottom + 28;
  const years = (end - first) / (365.25 * DAY);
  const step = [1, 2, 5, 10, 20, 50].find((candidate) => ((right - left) / years) * candidate >= 42) ?? 100;
  const ticks = [];
  for (let year = new Date(first).getUTCFullYear(); year <= new Date(end).getUTCFullYear(); year += step) {
    ticks.push(year);
  }
  const guideLine = s('line', {y1: top - 4, y2: bottom});
  const guideText = s('text', {y: bottom + 24, 'text-anchor': 'middle'});
  const guide = s('g', {class: 'll-guide', visibility: 'hidden', 'aria-hidden': 'true'}, guideLine, guideText);
  const dateAt = (clientX, svg) => {
    const bounds = svg.getBoundingClientRect();
    const px = ((clientX - bounds.left) / bounds.width) * width;
    if (px < left || px > right) return null;
    return toDate(first + ((px - left) / (right - left)) * (end - first));
  };
  const svg = s('svg', {
    xmlns: SVG, class: 'lifelines-svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group',
    'aria-label': `Lifelines of ${units.length} units, ${new Date(first).getUTCFullYear()} to ${new Date(end).getUTCFullYear() - 1}`,
    onpointermove: (event) => {
      const date = dateAt(event.clientX, svg);
      if (!date) {
        guide.setAttribute('visibility', 'hidden');
        return;
      }
      const at = x(toTime(date));
      guideLine.setAttribute('x1', at);
      guideLine.setAttribute('x2', at);
      guideText.setAttribute('x', at);
      guideText.textContent = `${date}: click for the chart`;
      guide.setAttribute('visibility', 'visible');
    },
    onpointerleave: () => guide.setAttribute('visibility', 'hidden'),
    onclick: (event) => {
      if (event.target.closest('a')) return;
      const date = dateAt(event.clientX, svg);
      if (date) onDate(date);
    },
  },
  s('title', {}, 'Lifelines: a click on a date opens the chart as of that date'),
  s('style', {}, STYLE),
  s('g', {class: 'll-axis', 'aria-hidden': 'true'}, ticks.map((year) => {
    const at = x(Date.UTC(year, 0, 1));
    return s('g', {}, s('line', {x1: at, x2: at, y1: top - 4, y2: bottom}), s('text', {x: at, y: bottom + 12, 'text-anchor': 'middle'}, String(year)));
  })),
  units.map((unit, row) => {
    const y = top + row * rowHeight;
    const name = pick(unit.segments.at(-1).name, language);
    const label = wrap(name.text || unit.id, labelWidth - 8 - unit.depth * 10, 1, `600 12px ${FONT}`);
    const endTime = unit.abolished ? toTime(unit.abolished) : end;
    const description = `${name.text || unit.id}: ${unit.established} to ${unit.abolished ?? 'today'}`
        + (unit.segments.length > 1 ? `; names: ${unit.segments.map((segment) => `${pick(segment.name, language).text} from ${segment.from}`).join('; ')}` : '')
        + (unit.moves.length > 0 ? `; reporting line changed ${unit.moves.map((move) => move.date).join(', ')}` : '');
    return s('g', {class: 'll-row', 'data-unit': unit.id, role: 'img', 'aria-label': description},
        s('text', {class: 'll-label', x: 4 + unit.depth * 10, y: y + 18, lang: name.language}, label.lines[0] ?? unit.id),
        unit.segments.map((segment, i) => {
          const from = x(toTime(segment.from));
          const to = x(i + 1 < unit.segments.length ? toTime(unit.segments[i + 1].from) : endTime);
          const text = pick(segment.name, language);
          const fits = wrap(text.text, Math.max(to - from - 8, 0), 1, `11px ${FONT}`);
          return s('g', {},
              s('rect', {class: `ll-bar ll-kind-${String(unit.kind).toLowerCase()}`, x: from, y: y + 5, width: Math.max(to - from, 2), height: rowHeight - 10, rx: 3},
                  s('title', {}, `${text.text} (from ${segment.from})`)),
              to - from > 60 && !fits.truncated ? s('text', {class: 'll-name', x: from + 4, y: y + 18, lang: text.language}, fits.lines[0]) : null);
        }),
        unit.moves.map((move) => s('line', {class: 'll-move', x1: x(toTime(move.date)), x2: x(toTime(move.date)), y1: y + 3, y2: y + rowHeight - 3},
            s('title', {}, `reports to ${move.parentId} from ${move.date}`))));
  }),
  marks.map((mark) => s('a', {class: 'll-instrument', href: chartHref(mark.date),
    'aria-label': `${mark.symbol}, in force from ${mark.date}: the chart as of that date`,
    onclick: (event) => {
      event.preventDefault();
      onDate(mark.date);
    }},
  s('line', {x1: mark.at, x2: mark.at, y1: 14 + mark.lane * 15 + 3, y2: bottom}),
  s('text', {x: mark.flip ? mark.at - 3 : mark.at + 3, y: 14 + mark.lane * 15, 'text-anchor': mark.flip ? 'end' : null}, mark.symbol))),
  guide);
  container.replaceChildren(svg);
  return svg;
}
