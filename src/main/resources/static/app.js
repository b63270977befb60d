// The OrgLedger web page: org chart as of a date, replay of a transition, comparison of two
// dates, unit history. The page state lives in the URL (?view=chart&asOf=2001-06-30,
// ?view=replay&from=...&to=...&step=3&structure=1, ?view=diff&from=...&to=..., &unit=<id> for
// an open unit history), so that a URL captures a view.

import {api} from './api.js';
import {h, replace, date, instant, humanType} from './dom.js';
import {orgTree, unitCard, localized, authority, changeFacts, changeDetails, retraction, head, functionList} from './render.js';
import {drawChart, zoomable, svgFile, pick, forest} from './orgchart.js';
import {groundsOf} from './grounds.js';

const DEFAULTS = {asOf: '2002-12-01', from: '1999-12-23', to: '2002-12-01'};
const VIEWS = ['chart', 'replay', 'diff'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const $ = (id) => document.getElementById(id);

let state = readUrl();

function readUrl() {
  const query = new URLSearchParams(location.search);
  const valid = (value, pattern, fallback) => (value && pattern.test(value) ? value : fallback);
  const step = Number.parseInt(query.get('step') ?? '1', 10);
  return {
    view: VIEWS.includes(query.get('view')) ? query.get('view') : 'chart',
    asOf: valid(query.get('asOf'), DATE, DEFAULTS.asOf),
    knownAt: valid(query.get('knownAt'), INSTANT, ''),
    from: valid(query.get('from'), DATE, DEFAULTS.from),
    to: valid(query.get('to'), DATE, DEFAULTS.to),
    step: Number.isFinite(step) && step > 0 ? step : 1,
    structure: query.get('structure') === '1',
    unit: query.get('unit') || null,
    lang: ['en', 'zh'].includes(query.get('lang')) ? query.get('lang') : 'en',
  };
}

/** The URL of the current state: only what the current view reads, so that it stays short. */
function urlOf(s) {
  const query = new URLSearchParams({view: s.view});
  if (s.view === 'chart') {
    query.set('asOf', s.asOf);
    if (s.knownAt) query.set('knownAt', s.knownAt);
    if (s.lang !== 'en') query.set('lang', s.lang);
  } else {
    query.set('from', s.from);
    query.set('to', s.to);
  }
  if (s.view === 'replay') {
    query.set('step', String(s.step));
    if (s.structure) query.set('structure', '1');
  }
  if (s.unit) query.set('unit', s.unit);
  return `?${query}`;
}

function navigate(changes, {push = true} = {}) {
  state = {...state, ...changes};
  const url = urlOf(state);
  if (url !== location.search) {
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
}

function showError(id, error) {
  const box = $(id);
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  replace(box, h('p', {}, error.message ?? String(error)));
  box.hidden = false;
}

/** Each view ignores the answer to a request it has since replaced by a newer one. */
function latest() {
  let counter = 0;
  return () => {
    const ticket = ++counter;
    return () => ticket === counter;
  };
}

// ---------------------------------------------------------------- views and navigation

function showView(view) {
  for (const name of VIEWS) {
    $(`view-${name}`).hidden = name !== view;
  }
  for (const link of document.querySelectorAll('nav a[data-view]')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
    link.href = urlOf({...state, view: link.dataset.view, unit: null});
  }
  document.title = `${$(`view-${view}`).querySelector('h2').textContent} · OrgLedger`;
}

function render({focus = false} = {}) {
  showView(state.view);
  $('chart-asOf').value = state.asOf;
  $('chart-knownAt').value = state.knownAt;
  $('chart-lang').value = state.lang;
  for (const prefix of ['replay', 'diff']) {
    $(`${prefix}-from`).value = state.from;
    $(`${prefix}-to`).value = state.to;
  }
  if (state.view === 'chart') loadChart();
  if (state.view === 'replay') loadReplay();
  if (state.view === 'diff') loadDiff();
  // in the chart, the unit is the one selected in it; elsewhere its history is open
  if (state.unit && state.view !== 'chart') openHistory(state.unit, {updateUrl: false});
  else if ($('history-dialog').open) $('history-dialog').close();
  if (focus) $(`view-${state.view}`).querySelector('h2').focus?.();
}

// ---------------------------------------------------------------- org chart

const chartTicket = latest();
const panelTicket = latest();
let chartUnits = [];
let chartShown = null; // {asOf, knownAt} of the chart on the page
let chartZoom = null;
const collapsed = new Set();

async function loadChart() {
  const current = chartTicket();
  showError('chart-error', null);
  $('chart').setAttribute('aria-busy', 'true');
  $('chart-status').textContent = `Loading the structure as of ${state.asOf}…`;
  try {
    const structure = await api.structure(state.asOf, state.knownAt || undefined);
    if (!current()) return;
    chartUnits = Array.isArray(structure.units) ? structure.units : [];
    chartShown = {asOf: state.asOf, knownAt: state.knownAt};
    $('chart-status').replaceChildren(...statusLine(chartUnits.length, structure));
    $('chart-tools').hidden = chartUnits.length === 0;
    collapsed.clear();
    if (chartUnits.length > 150) collapseBelow(2); // a large organization opens on its top levels
    if (chartUnits.length === 0) {
      chartZoom = null;
      closePanel();
      replace($('chart'), h('p', {class: 'empty'}, await emptyReason(state.asOf, state.knownAt)));
      return;
    }
    drawTheChart();
    if (state.unit) {
      const unit = chartUnits.find((candidate) => candidate.id === state.unit);
      if (unit) showUnit(unit, {focus: false});
      else closePanel();
    } else {
      closePanel();
    }
  } catch (error) {
    if (!current()) return;
    chartUnits = [];
    chartZoom = null;
    $('chart-status').textContent = '';
    $('chart-tools').hidden = true;
    $('chart').replaceChildren();
    closePanel();
    showError('chart-error', error);
  } finally {
    if (current()) $('chart').removeAttribute('aria-busy');
  }
}

/** An empty chart: nothing in force on the date, or nothing yet recorded at knownAt. */
async function emptyReason(asOf, knownAt) {
  if (!knownAt) return `No unit was in force on ${asOf}.`;
  try {
    const known = await api.timeline(undefined, undefined, knownAt);
    if (Array.isArray(known.changes) && known.changes.length === 0) {
      const all = await api.timeline();
      const first = (all.changes ?? []).map((change) => change.recordedAt).filter(Boolean).sort()[0];
      return `The ledger knew nothing yet at ${knownAt}: no change had been recorded by then`
          + (first ? ` (the first was recorded at ${first}).` : '.');
    }
  } catch {
    // fall through: the plain sentence is still true
  }
  return `No unit was in force on ${asOf}, as the ledger knew it at ${knownAt}.`;
}

function collapseBelow(depth) {
  const visit = (node, level) => {
    if (level >= depth && node.children.length > 0) collapsed.add(node.unit.id);
    node.children.forEach((child) => visit(child, level + 1));
  };
  forest(chartUnits).forEach((root) => visit(root, 0));
}

function drawTheChart({keepFocus = null} = {}) {
  const container = $('chart');
  const vertical = container.clientWidth < 640;
  if (!vertical) {
    const top = container.getBoundingClientRect().top + window.scrollY;
    container.style.height = `${Math.max(320, window.innerHeight - top - 10)}px`;
  } else {
    container.style.height = '';
  }
  const {svg, geometry} = drawChart(chartUnits, container, {
    language: state.lang, collapsed, selected: state.view === 'chart' ? state.unit : null,
    label: `Org chart as of ${chartShown?.asOf ?? state.asOf}: ${chartUnits.length} units`,
    onSelect: (unit) => showUnit(unit, {focus: true}),
    onToggle: (id) => {
      if (collapsed.has(id)) collapsed.delete(id);
      else collapsed.add(id);
      drawTheChart({keepFocus: `[data-toggle="${CSS.escape(id)}"]`});
    },
  });
  chartZoom = zoomable(container, svg, geometry);
  if (keepFocus) container.querySelector(keepFocus)?.focus();
}

function closePanel() {
  $('unit-panel').hidden = true;
  $('chart-layout').classList.remove('with-panel');
}

async function showUnit(unit, {focus}) {
  const current = panelTicket();
  if (state.unit !== unit.id) navigate({unit: unit.id}, {push: false});
  const wasHidden = $('unit-panel').hidden;
  $('unit-panel').hidden = false;
  $('chart-layout').classList.add('with-panel');
  for (const node of $('chart').querySelectorAll('.oc-node')) {
    const selected = node.dataset.unit === unit.id;
    node.classList.toggle('oc-selected', selected);
    if (selected) node.setAttribute('aria-current', 'true');
    else node.removeAttribute('aria-current');
  }
  if (wasHidden && chartZoom) {
    const focused = document.activeElement?.dataset?.unit;
    drawTheChart({keepFocus: focused ? `.oc-node[data-unit="${CSS.escape(focused)}"]` : null});
  }
  const name = pick(unit.name, state.lang);
  replace($('unit-panel-title'), h('span', {lang: name.language}, name.text || unit.id));
  replace($('unit-panel-body'), h('p', {class: 'status'}, 'Loading its grounds and history…'));
  if (focus) {
    $('unit-panel-title').focus({preventScroll: true});
    $('unit-panel').scrollIntoView({block: 'nearest'});
  }
  const asOf = chartShown?.asOf ?? state.asOf;
  const knownAt = chartShown?.knownAt || undefined;
  let history = null;
  let failure = null;
  try {
    history = await api.unitHistory(unit.id, knownAt);
  } catch (error) {
    failure = error;
  }
  if (!current()) return;
  const grounds = history ? groundsOf(history, asOf) : null;
  replace($('unit-panel-body'), unitDetails(unit, grounds, history, failure, asOf));
}

function ground(change, {fallback = null} = {}) {
  if (!change) return fallback ? h('span', {class: 'ground'}, 'ground: ', authority(fallback)) : null;
  return h('span', {class: 'ground'}, 'ground: ', authority(change.authority), ', effective ', date(change.effectiveFrom));
}

function unitDetails(unit, grounds, history, failure, asOf) {
  const parent = chartUnits.find((candidate) => candidate.id === unit.parentId);
  const functions = Array.isArray(unit.functions) ? unit.functions : [];
  const changes = Array.isArray(history?.changes) ? history.changes : [];
  return [
    h('p', {class: 'muted small'}, 'As in force on ', date(asOf), '. ', h('code', {}, unit.id)),
    h('dl', {class: 'facts unit-facts'},
        h('dt', {}, 'Name'), h('dd', {class: 'fact-name'}, localized(unit.name, unit.nameLabels, {block: true}), ground(grounds?.name)),
        Array.isArray(unit.alternateNames) && unit.alternateNames.length > 0 ? [h('dt', {}, 'Also named'),
          h('dd', {class: 'fact-alternate'}, unit.alternateNames.map((alternate) => h('div', {},
              localized(alternate.name, alternate.nameLabels, {block: true}),
              h('span', {class: 'ground'}, 'ground: ', authority(alternate.authority)))))] : null,
        h('dt', {}, 'Kind'), h('dd', {}, unit.kind ?? '—'),
        h('dt', {}, 'Reports to'), h('dd', {class: 'fact-parent'}, parent
            ? h('button', {type: 'button', class: 'link', onclick: () => showUnit(parent, {focus: true})},
                pick(parent.name, state.lang).text || parent.id)
            : unit.parentId ? h('code', {}, unit.parentId) : h('span', {class: 'muted'}, 'nobody (top)'),
        unit.parentId ? ground(grounds?.parent) : null),
        h('dt', {}, 'Head'), h('dd', {class: 'fact-head'}, head(unit.head), unit.head ? ground(grounds?.head) : null),
        h('dt', {}, 'In force by'), h('dd', {class: 'fact-unit'}, authority(unit.authority),
            grounds?.established ? [', established ', date(grounds.established.effectiveFrom)] : null)),
    h('h4', {}, `Functions (${functions.length})`),
    functions.length > 0 ? functionList(functions, null) : h('p', {class: 'muted'}, 'No functions recorded.'),
    h('h4', {}, 'History'),
    failure ? h('p', {class: 'error', role: 'alert'}, failure.message)
        : h('ol', {class: 'mini-history'}, changes.map((change) => h('li', {class: change.retracted ? 'retracted-item' : null},
            date(change.effectiveFrom), ' ', h('strong', {}, humanType(change.type)), ' · ', authority(change.authority),
            h('span', {class: 'muted small'}, ' · recorded by ', change.recordedBy ?? '—', ' ', instant(change.recordedAt)),
            change.retracted ? [' ', retraction(change)] : null))),
    h('p', {}, h('button', {type: 'button', class: 'secondary', onclick: () => openHistory(unit.id, {updateUrl: false})},
        'Every field of every change…')),
  ];
}

function statusLine(count, structure) {
  return [
    `${count} ${count === 1 ? 'unit' : 'units'} in force on `, date(structure.asOf ?? state.asOf),
    structure.knownAt && state.knownAt ? [', as the ledger knew it at ', instant(structure.knownAt)] : null,
    '.',
  ].flat().filter(Boolean).map((part) => (typeof part === 'string' ? document.createTextNode(part) : part));
}

function setAllCollapsed(collapse) {
  collapsed.clear();
  if (collapse) collapseBelow(1);
  drawTheChart();
}

function downloadSvg() {
  const svg = $('chart').querySelector('svg');
  if (!svg) return;
  const url = URL.createObjectURL(svgFile(svg));
  const link = h('a', {href: url, download: `orgledger-chart-${chartShown?.asOf ?? state.asOf}.svg`});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------- replay of a transition

const replayTicket = latest();
const structureTicket = latest();
let replayChanges = [];
const structures = new Map();

async function loadReplay() {
  const current = replayTicket();
  showError('replay-error', null);
  $('replay-status').textContent = `Loading the changes effective from ${state.from} to ${state.to}…`;
  try {
    const timeline = await api.timeline(state.from, state.to);
    if (!current()) return;
    replayChanges = Array.isArray(timeline?.changes) ? timeline.changes : [];
    $('replay-status').textContent = replayChanges.length === 0
        ? `No change takes effect from ${state.from} to ${state.to}.`
        : `${replayChanges.length} ${replayChanges.length === 1 ? 'change takes' : 'changes take'} effect from ${state.from} to ${state.to}.`;
    $('replay').hidden = replayChanges.length === 0;
    renderSteps();
    renderStep();
  } catch (error) {
    if (!current()) return;
    replayChanges = [];
    $('replay').hidden = true;
    $('replay-status').textContent = '';
    showError('replay-error', error.status === 404
        ? new Error(`This server does not offer the replay yet: GET /api/timeline answered 404. ${error.message}`)
        : error);
  }
}

function clearReplay() {
  replayChanges = [];
  $('replay').hidden = true;
  $('replay-list').replaceChildren();
  $('replay-step').replaceChildren();
}

function stepIndex() {
  return Math.min(Math.max(state.step, 1), Math.max(replayChanges.length, 1)) - 1;
}

function changeTitle(change) {
  return [humanType(change.type), change.unitId ?? change.instrument ?? ''].filter(Boolean).join(': ');
}

function renderSteps() {
  const current = stepIndex();
  replace($('replay-list'), replayChanges.map((change, index) =>
      h('li', {class: change.retracted ? 'retracted-item' : null},
          h('button', {
            type: 'button', class: 'step', 'aria-current': index === current ? 'step' : null,
            dataset: {index: String(index)}, onclick: () => goToStep(index + 1),
          },
          h('span', {class: 'step-date'}, change.effectiveFrom ?? '—'),
          h('span', {class: 'step-type'}, humanType(change.type),
              change.retracted ? [' ', h('span', {class: 'label label-retracted'}, 'retracted')] : null),
          h('span', {class: 'step-subject'}, change.unitId ?? change.instrument ?? ''),
          h('span', {class: 'step-seq'}, `#${change.sequence}`)))));
}

function goToStep(step, {focusList = false} = {}) {
  const focused = document.activeElement?.id;
  navigate({step}, {push: false});
  for (const button of $('replay-list').querySelectorAll('button.step')) {
    const selected = Number(button.dataset.index) === stepIndex();
    if (selected) {
      button.setAttribute('aria-current', 'step');
      button.scrollIntoView({block: 'nearest'});
      if (focusList) button.focus();
    } else {
      button.removeAttribute('aria-current');
    }
  }
  renderStep();
  const change = replayChanges[stepIndex()];
  $('replay-announce').textContent = `Step ${stepIndex() + 1} of ${replayChanges.length}: ${changeTitle(change)}, effective ${change.effectiveFrom}.`;
  // the buttons were rebuilt: keep the keyboard where it was
  if (focused === 'replay-previous' || focused === 'replay-next') {
    const other = focused === 'replay-next' ? 'replay-previous' : 'replay-next';
    ($(focused).disabled ? $(other) : $(focused)).focus();
  }
}

function renderStep() {
  if (replayChanges.length === 0) {
    $('replay-step').replaceChildren();
    return;
  }
  const index = stepIndex();
  const change = replayChanges[index];
  const total = replayChanges.length;
  const showStructure = h('input', {
    type: 'checkbox', id: 'replay-structure', checked: state.structure,
    onchange: (event) => {
      navigate({structure: event.target.checked}, {push: false});
      renderStructureAtStep();
    },
  });
  replace($('replay-step'),
      h('div', {class: 'step-nav'},
          h('button', {type: 'button', id: 'replay-previous', disabled: index === 0,
            onclick: () => goToStep(index), 'aria-keyshortcuts': 'ArrowUp'}, '← Previous step'),
          h('span', {class: 'step-count'}, `Step ${index + 1} of ${total}`),
          h('button', {type: 'button', id: 'replay-next', disabled: index === total - 1,
            onclick: () => goToStep(index + 2), 'aria-keyshortcuts': 'ArrowDown'}, 'Next step →')),
      h('h3', {class: 'step-title'}, changeTitle(change), ' ', retraction(change)),
      changeFacts(change, {onUnit: (id) => openHistory(id)}),
      h('h4', {}, 'What this change records'),
      changeDetails(change),
      h('div', {class: 'step-structure-toggle'},
          showStructure,
          h('label', {for: 'replay-structure'}, 'Show the structure in force on ', change.effectiveFrom ?? '—',
              ' (after every change effective that day)')),
      h('div', {id: 'replay-structure-view', class: 'chart'}));
  renderStructureAtStep();
}

async function renderStructureAtStep() {
  const container = $('replay-structure-view');
  const change = replayChanges[stepIndex()];
  const current = structureTicket();
  if (!container || !change) return;
  if (!state.structure || !change.effectiveFrom) {
    container.replaceChildren();
    return;
  }
  container.setAttribute('aria-busy', 'true');
  replace(container, h('p', {class: 'status'}, `Loading the structure as of ${change.effectiveFrom}…`));
  try {
    if (!structures.has(change.effectiveFrom)) {
      structures.set(change.effectiveFrom, api.structure(change.effectiveFrom).catch((error) => {
        structures.delete(change.effectiveFrom);
        throw error;
      }));
    }
    const structure = await structures.get(change.effectiveFrom);
    if (!current()) return;
    const units = Array.isArray(structure.units) ? structure.units : [];
    replace(container,
        h('p', {class: 'status'}, ...statusLine(units.length, structure),
            change.unitId ? [' The unit this change concerns is outlined.'] : null),
        units.length === 0 ? h('p', {class: 'empty'}, 'No unit was in force on this date.')
            : orgTree(units, {onHistory: (id) => openHistory(id), highlight: change.unitId, headingLevel: 4}));
  } catch (error) {
    if (!current()) return;
    replace(container, h('div', {class: 'error', role: 'alert'}, h('p', {}, error.message)));
  } finally {
    if (current()) container.removeAttribute('aria-busy');
  }
}

// ---------------------------------------------------------------- comparison of two dates

const diffTicket = latest();

async function loadDiff() {
  const current = diffTicket();
  showError('diff-error', null);
  $('diff').setAttribute('aria-busy', 'true');
  $('diff-status').textContent = `Comparing ${state.from} with ${state.to}…`;
  try {
    const diff = await api.diff(state.from, state.to);
    if (!current()) return;
    $('diff-status').replaceChildren(document.createTextNode('The structure on '), date(diff.from ?? state.from),
        document.createTextNode(' compared with '), date(diff.to ?? state.to),
        ...(diff.knownAt ? [document.createTextNode(', as the ledger knew it at '), instant(diff.knownAt)] : []),
        document.createTextNode('.'));
    replace($('diff'), diffSections(diff));
  } catch (error) {
    if (!current()) return;
    $('diff-status').textContent = '';
    $('diff').replaceChildren();
    showError('diff-error', error.status === 404
        ? new Error(`This server does not offer the comparison yet: GET /api/structure/diff answered 404. ${error.message}`)
        : error);
  } finally {
    if (current()) $('diff').removeAttribute('aria-busy');
  }
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

function unitLink(id) {
  if (!id) return h('span', {class: 'muted'}, 'none (top)');
  return h('button', {type: 'button', class: 'link', onclick: () => openHistory(id), title: `History of ${id}`}, id);
}

function diffSection(title, items, body) {
  return h('section', {class: 'diff-section', 'aria-label': title},
      h('h3', {}, title, ' ', h('span', {class: 'count'}, `(${items.length})`)),
      items.length === 0 ? h('p', {class: 'muted'}, 'None.') : body(items));
}

function table(headers, rows) {
  return h('table', {class: 'data'},
      h('thead', {}, h('tr', {}, headers.map((header) => h('th', {scope: 'col'}, header)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

function functionCells(change) {
  const fn = change.function ?? {};
  return [unitLink(change.unitId), fn.authority?.provision ?? '—', localized(fn.text, fn.textLabels, {block: true}),
    authority(fn.authority)];
}

function diffSections(diff) {
  const cards = (units) => h('div', {class: 'cards'},
      units.map((unit) => unitCard(unit, {onHistory: (id) => openHistory(id), headingLevel: 4})));
  return [
    diffSection('Established', list(diff.established), cards),
    diffSection('Abolished', list(diff.abolished), cards),
    diffSection('Renamed', list(diff.renamed), (items) => table(['Unit', 'Before', 'After'],
        items.map((item) => [unitLink(item.id), localized(item.before, item.beforeLabels, {block: true}),
          localized(item.after, item.afterLabels, {block: true})]))),
    diffSection('Moved (new reporting line)', list(diff.moved), (items) => table(['Unit', 'Reported to', 'Reports to'],
        items.map((item) => [unitLink(item.id), unitLink(item.beforeParentId), unitLink(item.afterParentId)]))),
    Array.isArray(diff.headsChanged)
        ? diffSection('Head changed', diff.headsChanged, (items) => table(['Unit', 'Before', 'After'],
            items.map((item) => [unitLink(item.id), head(item.before), head(item.after)])))
        : null,
    diffSection('Functions assigned', list(diff.functionsAssigned), (items) =>
        table(['Unit', 'Provision', 'Text', 'Authority'], items.map(functionCells))),
    diffSection('Functions withdrawn', list(diff.functionsWithdrawn), (items) =>
        table(['Unit', 'Provision', 'Text', 'Authority'], items.map(functionCells))),
  ];
}

// ---------------------------------------------------------------- unit history

const historyTicket = latest();

async function openHistory(id, {updateUrl = true} = {}) {
  if (updateUrl) navigate({unit: id});
  const dialog = $('history-dialog');
  const current = historyTicket();
  replace($('history-title'), 'History of ', h('code', {}, id));
  showError('history-error', null);
  $('history-status').textContent = 'Loading…';
  $('history-body').replaceChildren();
  if (!dialog.open) dialog.showModal();
  try {
    const history = await api.unitHistory(id);
    if (!current()) return;
    const changes = Array.isArray(history.changes) ? history.changes : [];
    const retracted = changes.filter((change) => change.retracted).length;
    $('history-status').textContent = `${changes.length} recorded ${changes.length === 1 ? 'change' : 'changes'}, in recorded order`
        + (retracted > 0 ? `, ${retracted} of them retracted by a later correction.`
            : changes.some((change) => 'retracted' in change) ? ', none retracted.' : '.');
    replace($('history-body'), table(
        ['Seq.', 'Change', 'Effective from', 'Recorded', 'Authority', 'What it records'],
        changes.map((change) => [
          String(change.sequence ?? '—'),
          [h('strong', {}, humanType(change.type)), change.retracted ? [h('br'), retraction(change)] : null],
          date(change.effectiveFrom),
          [instant(change.recordedAt), h('br'), 'by ', change.recordedBy ?? '—', h('br'),
            h('a', {href: urlOf({...state, view: 'chart', asOf: change.effectiveFrom ?? state.asOf,
              knownAt: change.recordedAt ?? '', unit: null}), class: 'small',
            title: 'The org chart on the effective date, as the ledger knew it right after this change was recorded'},
            'chart as then known')],
          authority(change.authority),
          changeDetails(change),
        ])));
    markRetractedRows(changes);
  } catch (error) {
    if (!current()) return;
    $('history-status').textContent = '';
    showError('history-error', error.status === 404 && !error.code
        ? new Error(`This server does not offer unit histories yet, or knows no unit ${id}. ${error.message}`)
        : error);
  }
}

function markRetractedRows(changes) {
  const rows = $('history-body').querySelectorAll('tbody tr');
  changes.forEach((change, index) => {
    if (change.retracted) rows[index]?.classList.add('retracted-row');
  });
}

// ---------------------------------------------------------------- wiring

function clearResults(prefix) {
  $(`${prefix}-status`).textContent = '';
  if (prefix === 'diff') $('diff').replaceChildren();
  else clearReplay();
}

function wire() {
  $('chart-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const asOf = $('chart-asOf').value;
    const knownAt = $('chart-knownAt').value.trim();
    if (!DATE.test(asOf)) {
      $('chart-asOf').reportValidity();
      return;
    }
    if (knownAt && !INSTANT.test(knownAt)) {
      $('chart-knownAt').reportValidity();
      return;
    }
    navigate({asOf, knownAt});
    loadChart();
  });
  $('chart-lang').addEventListener('change', () => {
    navigate({lang: $('chart-lang').value}, {push: false});
    if (chartUnits.length > 0) {
      drawTheChart();
      const unit = chartUnits.find((candidate) => candidate.id === state.unit);
      if (unit) showUnit(unit, {focus: false});
    }
  });
  $('chart-expand').addEventListener('click', () => setAllCollapsed(false));
  $('chart-collapse').addEventListener('click', () => setAllCollapsed(true));
  $('chart-zoom-in').addEventListener('click', () => chartZoom?.zoomIn());
  $('chart-zoom-out').addEventListener('click', () => chartZoom?.zoomOut());
  $('chart-fit').addEventListener('click', () => chartZoom?.fit());
  $('chart-download').addEventListener('click', downloadSvg);
  $('chart-print').addEventListener('click', () => window.print());
  $('unit-panel-close').addEventListener('click', () => {
    const id = state.unit;
    navigate({unit: null}, {push: false});
    closePanel();
    for (const node of $('chart').querySelectorAll('.oc-selected')) node.classList.remove('oc-selected');
    drawTheChart({keepFocus: id ? `.oc-node[data-unit="${CSS.escape(id)}"]` : null});
  });
  let resizing = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (state.view === 'chart' && chartUnits.length > 0) drawTheChart();
    }, 150);
  });

  for (const prefix of ['replay', 'diff']) {
    $(`${prefix}-form`).addEventListener('submit', (event) => {
      event.preventDefault();
      const from = $(`${prefix}-from`).value;
      const to = $(`${prefix}-to`).value;
      if (!DATE.test(from) || !DATE.test(to)) {
        (DATE.test(from) ? $(`${prefix}-to`) : $(`${prefix}-from`)).reportValidity();
        return;
      }
      if (from > to) {
        // an answer for other dates must not stay on the page under the error
        clearResults(prefix);
        showError(`${prefix}-error`, new Error('“From” must not be after “To”.'));
        return;
      }
      navigate({from, to, step: 1});
      if (prefix === 'replay') loadReplay();
      else loadDiff();
    });
  }

  $('replay-list').addEventListener('keydown', (event) => {
    if (replayChanges.length === 0) return;
    const index = stepIndex();
    const moves = {ArrowDown: index + 2, ArrowUp: index, Home: 1, End: replayChanges.length};
    if (event.key in moves) {
      event.preventDefault();
      goToStep(Math.min(Math.max(moves[event.key], 1), replayChanges.length), {focusList: true});
    }
  });

  for (const link of document.querySelectorAll('nav a[data-view]')) {
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      navigate({view: link.dataset.view, unit: null});
      render({focus: true});
    });
  }

  $('history-dialog').addEventListener('close', () => {
    if (state.unit) navigate({unit: null}, {push: false});
  });

  window.addEventListener('popstate', () => {
    state = readUrl();
    render();
  });
}

for (const heading of document.querySelectorAll('.view > h2')) heading.tabIndex = -1;
wire();
render();
