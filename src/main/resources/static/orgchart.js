// The org chart as a diagram: SVG boxes and connectors laid out by the page itself (no library).
// Wide screens get a top-down tree with pan and zoom; narrow ones (a phone) a vertical, indented
// tree that scrolls with the page. Siblings keep the API's order (the bulletin's provisions).
// Texts reach the SVG only as text nodes. The SVG carries its own styles, so that a download or a
// print looks like the screen.

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const FONT = 'system-ui, "Noto Sans", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif';
const STYLE = `
  .oc-link { fill: none; stroke: #8a94a6; stroke-width: 1.4; }
  .oc-box { fill: #fff; stroke: #9aa5b8; stroke-width: 1.2; }
  .oc-kind-entity .oc-box, .oc-kind-fund .oc-box { fill: #f1f8f1; stroke: #7fae7f; }
  .oc-kind-division .oc-box, .oc-kind-office .oc-box { fill: #eef4fc; stroke: #7d9fcc; }
  .oc-kind-post .oc-box { fill: #f7f2fc; stroke: #a58cc6; }
  .oc-name { font: 600 13px ${FONT}; fill: #1d2330; }
  .oc-meta { font: 11px ${FONT}; fill: #4a5263; }
  .oc-kind { font: 600 9.5px ${FONT}; fill: #4a5263; letter-spacing: 0.06em; }
  .oc-node { cursor: pointer; }
  .oc-node:focus { outline: none; }
  .oc-node:focus .oc-box, .oc-node:hover .oc-box { stroke: #1f5fa8; stroke-width: 2; }
  .oc-node:focus-visible .oc-box { stroke: #b36b00; stroke-width: 3; }
  .oc-selected .oc-box { stroke: #1f5fa8; stroke-width: 3; }
  .oc-hl-added .oc-box { fill: #e3f4e1; stroke: #2e7d32; stroke-width: 2.5; }
  .oc-hl-changed .oc-box { fill: #fff3d6; stroke: #a15c00; stroke-width: 2.5; }
  .oc-hl-removed .oc-box { fill: #fde8e6; stroke: #b3261e; stroke-width: 2.5; stroke-dasharray: 5 3; }
  .oc-hl-step .oc-box { stroke: #1d2330; stroke-width: 4; }
  .oc-badge rect { fill: #1d2330; }
  .oc-badge text { font: 600 10px ${FONT}; fill: #fff; }
  .oc-toggle circle { fill: #fff; stroke: #5b6475; stroke-width: 1.2; }
  .oc-toggle text { font: 700 12px ${FONT}; fill: #1d2330; }
  .oc-toggle { cursor: pointer; }
  .oc-toggle:focus { outline: none; }
  .oc-toggle:focus-visible circle { stroke: #b36b00; stroke-width: 3; }
`;

let measureContext = null;

function textWidth(text, font) {
  measureContext ??= document.createElement('canvas').getContext('2d');
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Breaks text into at most maxLines lines of maxWidth px: at spaces, or between CJK characters. */
export function wrap(text, maxWidth, maxLines, font) {
  const tokens = [];
  for (const word of String(text).split(/(\s+)/)) {
    if (CJK.test(word)) tokens.push(...Array.from(word));
    else if (word) tokens.push(word);
  }
  const lines = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line && textWidth(candidate.trimEnd(), font) > maxWidth) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1];
    while (last && textWidth(`${last}…`, font) > maxWidth) last = Array.from(last).slice(0, -1).join('');
    kept[maxLines - 1] = `${last}…`;
    return {lines: kept, truncated: true};
  }
  return {lines, truncated: false};
}

/** The text of a per-language value in the preferred language, else English, else the first. */
export function pick(text, language) {
  if (!text) return {text: '', language: null};
  if (typeof text === 'string') return {text, language: null};
  const entries = Object.entries(text).filter(([tag]) => !tag.startsWith('preferred'));
  const found = entries.find(([tag]) => tag === language) ?? entries.find(([tag]) => tag.split('-')[0] === language)
      ?? entries.find(([tag]) => tag === 'en') ?? entries[0];
  if (!found) return {text: '', language: null};
  const value = typeof found[1] === 'string' ? found[1] : found[1]?.text ?? '';
  return {text: value, language: found[0]};
}

/** Units (parents before children) as a forest in the API's order. */
export function forest(units) {
  const byId = new Map(units.map((unit) => [unit.id, {unit, children: []}]));
  const roots = [];
  for (const unit of units) {
    const node = byId.get(unit.id);
    const parent = unit.parentId && unit.parentId !== unit.id ? byId.get(unit.parentId) : null;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

const TOP_DOWN = {width: 190, gapX: 12, gapY: 28, margin: 10, nameLines: 3};
const VERTICAL = {indent: 20, gapY: 14, margin: 6, nameLines: 3};
const NAME_FONT = `600 13px ${FONT}`;
const META_FONT = `11px ${FONT}`;

function headLine(unit, language) {
  if (!unit.head) return 'Head: none recorded';
  const title = pick(unit.head.title, language).text;
  return `Head: ${title}${unit.head.level ? ` (${unit.head.level})` : ''}`;
}

/** Sizes a box for a unit: name lines, then kind and head. */
function boxOf(node, width, nameLines, language) {
  const name = pick(node.unit.name, language);
  const inner = width - 16;
  const wrapped = wrap(name.text || node.unit.id, inner, nameLines, NAME_FONT);
  const head = wrap(headLine(node.unit, language), inner, 1, META_FONT);
  const height = 20 + wrapped.lines.length * 16 + 16 + 8;
  return {name, nameLines: wrapped.lines, truncated: wrapped.truncated, head: head.lines[0] ?? '', width, height};
}

/**
 * Positions every visible box. collapsed: ids whose children are hidden. Returns
 * {boxes: [{node, x, y, box}], links: [[parentBox, childBox]], width, height}.
 */
export function layout(roots, {collapsed, vertical, availableWidth, language}) {
  const boxes = [];
  const links = [];
  if (vertical) {
    const width = Math.max(availableWidth - 2 * VERTICAL.margin, 220);
    let y = VERTICAL.margin;
    const visit = (node, depth, parent) => {
      const box = boxOf(node, width - depth * VERTICAL.indent, VERTICAL.nameLines, language);
      const placed = {node, x: VERTICAL.margin + depth * VERTICAL.indent, y, box, depth};
      boxes.push(placed);
      if (parent) links.push([parent, placed]);
      y += box.height + VERTICAL.gapY;
      if (!collapsed.has(node.unit.id)) node.children.forEach((child) => visit(child, depth + 1, placed));
    };
    roots.forEach((root) => visit(root, 0, null));
    return {boxes, links, width: availableWidth, height: y + VERTICAL.margin, vertical};
  }
  // top-down: a subtree is as wide as its children side by side; a parent centred above them
  const levelHeights = [];
  const measure = (node, depth) => {
    node.box = boxOf(node, TOP_DOWN.width, TOP_DOWN.nameLines, language);
    levelHeights[depth] = Math.max(levelHeights[depth] ?? 0, node.box.height);
    const kids = collapsed.has(node.unit.id) ? [] : node.children;
    kids.forEach((child) => measure(child, depth + 1));
    node.span = kids.length === 0 ? TOP_DOWN.width
        : Math.max(TOP_DOWN.width, kids.reduce((sum, child) => sum + child.span, 0) + (kids.length - 1) * TOP_DOWN.gapX);
  };
  roots.forEach((root) => measure(root, 0));
  const levelY = [];
  levelHeights.reduce((y, height, depth) => {
    levelY[depth] = y;
    return y + height + TOP_DOWN.gapY;
  }, TOP_DOWN.margin);
  const place = (node, depth, left, parent) => {
    const placed = {node, x: left + (node.span - TOP_DOWN.width) / 2, y: levelY[depth], box: node.box, depth};
    placed.box.height = levelHeights[depth]; // one height per level keeps the rows straight
    boxes.push(placed);
    if (parent) links.push([parent, placed]);
    const kids = collapsed.has(node.unit.id) ? [] : node.children;
    const total = kids.reduce((sum, child) => sum + child.span, 0) + Math.max(kids.length - 1, 0) * TOP_DOWN.gapX;
    let x = left + (node.span - total) / 2;
    for (const child of kids) {
      place(child, depth + 1, x, placed);
      x += child.span + TOP_DOWN.gapX;
    }
  };
  let x = TOP_DOWN.margin;
  for (const root of roots) {
    place(root, 0, x, null);
    x += root.span + TOP_DOWN.gapX * 2;
  }
  const height = levelHeights.reduce((sum, h) => sum + h + TOP_DOWN.gapY, TOP_DOWN.margin) - TOP_DOWN.gapY + TOP_DOWN.margin;
  return {boxes, links, width: x - TOP_DOWN.gapX * 2 + TOP_DOWN.margin, height, vertical};
}

function connector([parent, child], vertical) {
  if (vertical) {
    const x = parent.x + 10;
    const y = child.y + child.box.height / 2;
    return s('path', {class: 'oc-link', d: `M${x},${parent.y + parent.box.height} V${y} H${child.x}`});
  }
  const from = [parent.x + parent.box.width / 2, parent.y + parent.box.height];
  const to = [child.x + child.box.width / 2, child.y];
  const middle = from[1] + (to[1] - from[1]) / 2;
  return s('path', {class: 'oc-link', d: `M${from[0]},${from[1]} V${middle} H${to[0]} V${to[1]}`});
}

function countUnder(node) {
  return node.children.reduce((sum, child) => sum + 1 + countUnder(child), 0);
}

/**
 * Draws the chart. options: {language, collapsed: Set, selected, highlights: Map(id -> {kind:
 * 'added'|'changed'|'removed', badge}), step (id), onSelect(unit), onToggle(id), label}.
 */
export function drawChart(units, container, options) {
  const roots = forest(units);
  const vertical = container.clientWidth < 640;
  const geometry = layout(roots, {collapsed: options.collapsed, vertical,
    availableWidth: container.clientWidth, language: options.language});
  const nodes = geometry.boxes.map((placed) => drawBox(placed, geometry.vertical, options));
  const svg = s('svg', {
    xmlns: SVG, class: `orgchart ${geometry.vertical ? 'orgchart-vertical' : 'orgchart-topdown'}`,
    viewBox: `0 0 ${geometry.width} ${geometry.height}`, role: 'group', 'aria-label': options.label,
    'data-width': geometry.width, 'data-height': geometry.height,
  },
  s('title', {}, options.label),
  s('style', {}, STYLE),
  s('g', {class: 'oc-links', 'aria-hidden': 'true'}, geometry.links.map((link) => connector(link, geometry.vertical))),
  s('g', {class: 'oc-nodes'}, nodes));
  container.replaceChildren(svg);
  return {svg, geometry};
}

function drawBox({node, x, y, box}, vertical, options) {
  const unit = node.unit;
  const highlight = options.highlights?.get(unit.id);
  const classes = ['oc-node', `oc-kind-${String(unit.kind).toLowerCase()}`];
  if (highlight) classes.push(`oc-hl-${highlight.kind}`);
  if (options.step === unit.id) classes.push('oc-hl-step');
  if (options.selected === unit.id) classes.push('oc-selected');
  const under = countUnder(node);
  const collapsed = options.collapsed.has(unit.id);
  // the accessible name is the visible text (kind, name, head, badge: no aria-label that could
  // drift from it, WCAG 2.5.3); what only the shape says goes in the description (<desc>)
  const lines = spaced(box.nameLines, box.name.text);
  const description = [box.truncated ? `Full name: ${box.name.text}` : null,
    highlight ? `Changed: ${highlight.words ?? highlight.kind}` : null,
    under > 0 ? `${under} ${under === 1 ? 'unit' : 'units'} under it${collapsed ? ', collapsed' : ''}` : null]
      .filter(Boolean).join('. ');
  const select = () => options.onSelect?.(unit);
  const group = s('g', {
    class: classes.join(' '), transform: `translate(${x},${y})`, 'data-unit': unit.id,
    role: 'button', tabindex: '0', 'aria-current': options.selected === unit.id ? 'true' : null,
    onclick: select,
    onkeydown: (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select();
      }
    },
  },
  description ? s('desc', {}, description) : null,
  s('rect', {class: 'oc-box', width: box.width, height: box.height, rx: 6}),
  s('text', {class: 'oc-kind', x: 8, y: 14}, `${unit.kind ?? ''} `),
  s('text', {class: 'oc-name', x: 8, y: 31, lang: box.name.language},
      lines.map((line, i) => s('tspan', {x: 8, dy: i === 0 ? 0 : 16}, line)),
      box.truncated ? s('title', {}, box.name.text) : null),
  s('text', {class: 'oc-meta', x: 8, y: box.height - 9}, ` ${box.head}`),
  highlight?.badge ? badge(highlight.badge, box.width) : null);
  if (under === 0) return group;
  const toggle = () => options.onToggle?.(unit.id);
  // below the box, on its connector, clear of the head's line
  const [cx, cy] = vertical ? [10, box.height + 7] : [box.width / 2, box.height + 10];
  const button = s('g', {
    class: 'oc-toggle', role: 'button', tabindex: '0', transform: `translate(${x + cx},${y + cy})`,
    'aria-expanded': collapsed ? 'false' : 'true',
    'aria-label': `${collapsed ? 'Expand' : 'Collapse'} the ${under} ${under === 1 ? 'unit' : 'units'} under ${box.name.text || unit.id}`,
    'data-toggle': unit.id,
    onclick: (event) => {
      event.stopPropagation();
      toggle();
    },
    onkeydown: (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        toggle();
      }
    },
  },
  s('circle', {r: 7}),
  s('text', {'text-anchor': 'middle', y: 4.2, 'aria-hidden': 'true'}, collapsed ? '+' : '−'));
  return s('g', {}, group, button);
}

/** Lines as drawn, each but the last keeping the space it was broken at (none between CJK characters). */
function spaced(lines, full) {
  const compact = String(full).replace(/\s+/g, ' ');
  let at = 0;
  return lines.map((line, i) => {
    if (i === lines.length - 1) return line;
    at = compact.indexOf(line, at);
    const end = at < 0 ? -1 : at + line.length;
    if (end >= 0) at = end;
    return end >= 0 && compact[end] === ' ' ? `${line} ` : line;
  });
}

function badge(text, width) {
  const w = textWidth(text, `600 10px ${FONT}`) + 10;
  return s('g', {class: 'oc-badge', transform: `translate(${width - w - 4},4)`},
      s('rect', {width: w, height: 14, rx: 7}),
      s('text', {x: 5, y: 10.5}, text));
}

/**
 * Pan and zoom of a top-down chart: the SVG is drawn at scale k inside a scrolling container;
 * dragging scrolls, the wheel (with Ctrl) and the buttons zoom. fit() shows it all.
 */
export function zoomable(container, svg, geometry) {
  const state = {k: 1};
  const apply = (k, anchor) => {
    const before = anchor ? {x: (container.scrollLeft + anchor.x) / state.k, y: (container.scrollTop + anchor.y) / state.k} : null;
    state.k = Math.min(Math.max(k, 0.05), 3);
    svg.setAttribute('width', String(Math.round(geometry.width * state.k)));
    svg.setAttribute('height', String(Math.round(geometry.height * state.k)));
    if (before) {
      container.scrollLeft = before.x * state.k - anchor.x;
      container.scrollTop = before.y * state.k - anchor.y;
    }
  };
  const fit = () => {
    if (geometry.vertical) {
      svg.setAttribute('width', String(geometry.width));
      svg.setAttribute('height', String(geometry.height));
      state.k = 1;
      return;
    }
    const k = Math.min((container.clientWidth - 4) / geometry.width, (container.clientHeight - 4) / geometry.height, 1);
    apply(k);
  };
  const centre = () => ({x: container.clientWidth / 2, y: container.clientHeight / 2});
  if (!geometry.vertical) {
    container.onwheel = (event) => {
      if (!event.ctrlKey) return; // plain wheel scrolls the page, Ctrl+wheel (and pinch) zooms
      event.preventDefault();
      const bounds = container.getBoundingClientRect();
      apply(state.k * (event.deltaY < 0 ? 1.15 : 1 / 1.15), {x: event.clientX - bounds.left, y: event.clientY - bounds.top});
    };
    let drag = null;
    container.onpointerdown = (event) => {
      if (event.button !== 0 || event.target.closest?.('.oc-node, .oc-toggle')) return;
      drag = {x: event.clientX, y: event.clientY, left: container.scrollLeft, top: container.scrollTop};
      container.setPointerCapture(event.pointerId);
      container.classList.add('panning');
    };
    container.onpointermove = (event) => {
      if (!drag) return;
      container.scrollLeft = drag.left - (event.clientX - drag.x);
      container.scrollTop = drag.top - (event.clientY - drag.y);
    };
    container.onpointerup = container.onpointercancel = () => {
      drag = null;
      container.classList.remove('panning');
    };
  } else {
    container.onwheel = container.onpointerdown = container.onpointermove = container.onpointerup = null;
  }
  fit();
  return {
    fit,
    zoomIn: () => apply(state.k * 1.25, centre()),
    zoomOut: () => apply(state.k / 1.25, centre()),
    scale: () => state.k,
  };
}

/** The chart as a standalone SVG file (natural size, its own styles). */
export function svgFile(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute('width', copy.getAttribute('data-width'));
  copy.setAttribute('height', copy.getAttribute('data-height'));
  for (const element of copy.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  return new Blob([text], {type: 'image/svg+xml'});
}
