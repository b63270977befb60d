// The OrgLedger web page: org chart as of a date, replay of a transition, comparison of two
// dates, unit history. The page state lives in the URL (?view=chart&asOf=2001-06-30,
// ?view=replay&from=...&to=...&step=3&structure=1, ?view=diff&from=...&to=..., &unit=<id> for
// an open unit history), so that a URL captures a view.

import {api, auditApi} from './api.js';
import {verifyInclusion, verifyTreeHead} from './proof.js';
import {h, replace, date, instant, humanType} from './dom.js';
import {orgTree, unitCard, localized, authority, changeFacts, changeDetails, retraction, head, functionList} from './render.js';
import {drawChart, zoomable, svgFile, pick, forest} from './orgchart.js';
import {groundsOf, withdrawals} from './grounds.js';
import {lifelinesOf, drawLifelines} from './lifelines.js';

const DEFAULTS = {asOf: '2002-12-01', from: '1999-12-23', to: '2002-12-01'};
const VIEWS = ['chart', 'lifelines', 'replay', 'diff', 'audit'];
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
  if (s.view === 'audit' || s.view === 'lifelines') {
    if (s.unit) query.set('unit', s.unit);
    return `?${query}`;
  }
  if (s.view === 'chart') {
    query.set('asOf', s.asOf);
    if (s.knownAt) query.set('knownAt', s.knownAt);
    if (s.lang !== 'en') query.set('lang', s.lang);
  } else {
    query.set('from', s.from);
    query.set('to', s.to);
  }
  if (s.view === 'replay') query.set('step', String(s.step));
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
  else stopPlaying();
  if (state.view === 'diff') loadDiff();
  if (state.view === 'audit') showAudit();
  if (state.view === 'lifelines') loadLifelines();
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

// ---------------------------------------------------------------- lifelines

const lifelinesTicket = latest();
let lifelines = null;

async function loadLifelines() {
  const current = lifelinesTicket();
  showError('lifelines-error', null);
  $('lifelines-status').textContent = 'Loading every recorded change…';
  try {
    const timeline = await api.timeline();
    if (!current()) return;
    lifelines = lifelinesOf(Array.isArray(timeline.changes) ? timeline.changes : []);
    $('lifelines-status').textContent = lifelines.units.length === 0 ? 'The ledger records no unit yet.'
        : `${lifelines.units.length} units and ${lifelines.instruments.length} instruments.`;
    drawTheLifelines();
  } catch (error) {
    if (!current()) return;
    lifelines = null;
    $('lifelines-status').textContent = '';
    $('lifelines').replaceChildren();
    showError('lifelines-error', error);
  }
}

function drawTheLifelines() {
  if (!lifelines || lifelines.units.length === 0) {
    $('lifelines').replaceChildren();
    return;
  }
  drawLifelines(lifelines, $('lifelines'), {
    language: state.lang,
    chartHref: (asOf) => urlOf({...state, view: 'chart', asOf, knownAt: '', unit: null}),
    onDate: (asOf) => {
      navigate({view: 'chart', asOf, knownAt: '', unit: null});
      render({focus: true});
    },
  });
}

// ---------------------------------------------------------------- replay of a transition
// The changes between two dates, grouped by effective date: each date is a chapter, with the
// instruments it cites, the structure the day before and on the day (what changed highlighted),
// and its steps one by one with their authority and recorder.

const replayTicket = latest();
const compareTicket = latest();
let replayChanges = [];
let chapters = [];
const structures = new Map();
let playing = null;

async function loadReplay() {
  const current = replayTicket();
  stopPlaying();
  showError('replay-error', null);
  $('replay-status').textContent = `Loading the changes effective from ${state.from} to ${state.to}…`;
  try {
    const timeline = await api.timeline(state.from, state.to);
    if (!current()) return;
    replayChanges = Array.isArray(timeline?.changes) ? timeline.changes : [];
    chapters = chaptersOf(replayChanges);
    $('replay-status').textContent = replayChanges.length === 0
        ? `No change takes effect from ${state.from} to ${state.to}.`
        : `${replayChanges.length} ${replayChanges.length === 1 ? 'change takes' : 'changes take'} effect from ${state.from} to ${state.to}, `
          + `on ${chapters.length} ${chapters.length === 1 ? 'date' : 'dates'}: one chapter each.`;
    $('replay').hidden = replayChanges.length === 0;
    renderChapters();
    renderChapter({redraw: true});
  } catch (error) {
    if (!current()) return;
    clearReplay();
    $('replay-status').textContent = '';
    showError('replay-error', error.status === 404
        ? new Error(`This server does not offer the replay yet: GET /api/timeline answered 404. ${error.message}`)
        : error);
  }
}

function clearReplay() {
  stopPlaying();
  replayChanges = [];
  chapters = [];
  $('replay').hidden = true;
  for (const id of ['replay-chapters', 'replay-chapter', 'replay-before', 'replay-after', 'replay-step', 'replay-list']) {
    $(id).replaceChildren();
  }
}

/** [{date, first, changes, instruments: [symbol]}] in timeline order (first: index of its first step). */
function chaptersOf(changes) {
  const result = [];
  changes.forEach((change, index) => {
    let chapter = result.at(-1);
    if (!chapter || chapter.date !== change.effectiveFrom) {
      chapter = {date: change.effectiveFrom, first: index, changes: [], instruments: []};
      result.push(chapter);
    }
    chapter.changes.push(change);
    for (const symbol of [change.authority?.instrument, change.instrument]) {
      if (symbol && !chapter.instruments.includes(symbol)) chapter.instruments.push(symbol);
    }
  });
  return result;
}

function stepIndex() {
  return Math.min(Math.max(state.step, 1), Math.max(replayChanges.length, 1)) - 1;
}

function chapterIndex(step = stepIndex()) {
  return Math.max(chapters.findIndex((chapter) => step >= chapter.first && step < chapter.first + chapter.changes.length), 0);
}

function changeTitle(change) {
  return [humanType(change.type), change.unitId ?? change.instrument ?? ''].filter(Boolean).join(': ');
}

function dayBefore(isoDate) {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

const TYPE_WORDS = {
  UnitEstablished: 'established', UnitAbolished: 'abolished', UnitRenamed: 'renamed', ReportingLineChanged: 'moved',
  FunctionAssigned: 'functions assigned', FunctionWithdrawn: 'functions withdrawn', FunctionReaffirmed: 'functions reaffirmed',
  HeadDesignated: 'heads designated', HeadVacated: 'heads vacated', AlternateNameRecorded: 'other names recorded',
  BulletinPromulgated: 'instruments promulgated', BulletinSuperseded: 'instruments superseded', UnitReaffirmed: 'units reaffirmed',
  ChangeRetracted: 'retractions',
};

function chapterSummary(chapter) {
  const counts = new Map();
  for (const change of chapter.changes) counts.set(change.type, (counts.get(change.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${TYPE_WORDS[type] ?? humanType(type).toLowerCase()}: ${n}`).join('; ');
}

function renderChapters() {
  const current = chapterIndex();
  replace($('replay-chapters'), chapters.map((chapter, index) => h('li', {},
      h('button', {type: 'button', class: 'chapter', 'aria-current': index === current ? 'step' : null,
        dataset: {chapter: String(index)}, onclick: () => goToStep(chapter.first + 1, {redraw: true})},
      h('span', {class: 'chapter-date'}, chapter.date),
      h('span', {class: 'chapter-count'}, `${chapter.changes.length} ${chapter.changes.length === 1 ? 'change' : 'changes'}`),
      h('span', {class: 'chapter-instruments'}, chapter.instruments.join(', '))))));
}

/** Which units the chapter touches, and how: Map(id -> {kind, badge, words}) for before and after. */
function chapterHighlights(chapter) {
  const after = new Map();
  const before = new Map();
  const mark = (map, id, kind, word) => {
    const entry = map.get(id) ?? {kind, words: []};
    if (kind === 'added' || kind === 'removed') entry.kind = kind;
    entry.words.push(word);
    map.set(id, entry);
  };
  const counts = new Map();
  for (const change of chapter.changes) {
    if (!change.unitId || change.retracted) continue;
    const id = change.unitId;
    switch (change.type) {
      case 'UnitEstablished': mark(after, id, 'added', 'new'); break;
      case 'UnitAbolished': mark(before, id, 'removed', 'abolished'); break;
      case 'UnitRenamed': mark(after, id, 'changed', 'renamed'); mark(before, id, 'changed', 'renamed'); break;
      case 'ReportingLineChanged': mark(after, id, 'changed', 'moved'); mark(before, id, 'changed', 'moves'); break;
      case 'HeadDesignated': case 'HeadVacated': mark(after, id, 'changed', 'head'); break;
      case 'AlternateNameRecorded': mark(after, id, 'changed', '+name'); break;
      case 'FunctionAssigned': case 'FunctionWithdrawn': {
        const key = `${id} ${change.type}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        break;
      }
      default: mark(after, id, 'changed', humanType(change.type).toLowerCase());
    }
  }
  for (const [key, n] of counts) {
    const [id, type] = key.split(' ');
    if (type === 'FunctionAssigned') mark(after, id, 'changed', `+${n} fn`);
    else {
      mark(after, id, 'changed', `−${n} fn`);
      mark(before, id, 'removed', `−${n} fn`);
    }
  }
  for (const map of [before, after]) {
    for (const entry of map.values()) {
      entry.words = [...new Set(entry.words)];
      const shown = entry.words.filter((word) => word !== 'head' || entry.words.length === 1);
      entry.badge = shown.join(' · ');
      entry.words = entry.words.join(', ');
    }
  }
  return {before, after};
}

function goToStep(step, {focusList = false, redraw = false} = {}) {
  const previousChapter = chapterIndex();
  navigate({step}, {push: false});
  const chapterChanged = chapterIndex() !== previousChapter;
  renderChapter({redraw: redraw || chapterChanged, focusList});
  const change = replayChanges[stepIndex()];
  if (change) {
    $('replay-announce').textContent = `Step ${stepIndex() + 1} of ${replayChanges.length}: ${changeTitle(change)}, effective ${change.effectiveFrom}.`;
  }
}

function renderChapter({redraw = false, focusList = false} = {}) {
  if (replayChanges.length === 0) return;
  const index = stepIndex();
  const change = replayChanges[index];
  const chapterNumber = chapterIndex();
  const chapter = chapters[chapterNumber];
  for (const button of $('replay-chapters').querySelectorAll('button.chapter')) {
    if (Number(button.dataset.chapter) === chapterNumber) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
  }
  const inChapter = index - chapter.first;
  const focused = document.activeElement?.id;
  replace($('replay-chapter'),
      h('h3', {class: 'chapter-title'}, `Chapter ${chapterNumber + 1} of ${chapters.length}: changes effective `, date(chapter.date)),
      h('p', {class: 'chapter-meta'}, 'Instruments: ', chapter.instruments.flatMap((symbol, i) => [i > 0 ? ', ' : null, h('cite', {}, symbol)]),
          '. Changes: ', chapterSummary(chapter), '.'),
      h('div', {class: 'step-nav'},
          h('button', {type: 'button', id: 'replay-play', class: 'secondary', 'aria-pressed': playing ? 'true' : 'false',
            onclick: togglePlaying}, playing ? '❚❚ Pause' : '▶ Play'),
          h('button', {type: 'button', id: 'replay-previous', class: 'secondary', disabled: index === 0,
            onclick: () => goToStep(index)}, '← Previous'),
          h('span', {class: 'step-count'}, `Step ${inChapter + 1} of ${chapter.changes.length} in this chapter (${index + 1} of ${replayChanges.length})`),
          h('button', {type: 'button', id: 'replay-next', class: 'secondary', disabled: index === replayChanges.length - 1,
            onclick: () => goToStep(index + 2)}, 'Next →')));
  if (focused && $(focused) && !$(focused).disabled) $(focused).focus();
  else if (focused === 'replay-previous' || focused === 'replay-next') $('replay-play').focus();
  replace($('replay-step'),
      h('h4', {class: 'step-title'}, changeTitle(change), ' ', retraction(change)),
      h('div', {class: 'step-columns'},
          changeFacts(change, {onUnit: (id) => openHistory(id)}),
          h('div', {}, changeDetails(change))));
  replace($('replay-list'), chapter.changes.map((item, i) => h('li', {class: item.retracted ? 'retracted-item' : null},
      h('button', {type: 'button', class: 'step', 'aria-current': chapter.first + i === index ? 'step' : null,
        dataset: {index: String(chapter.first + i)}, onclick: () => goToStep(chapter.first + i + 1)},
      h('span', {class: 'step-seq'}, `#${item.sequence}`),
      h('span', {class: 'step-type'}, humanType(item.type),
          item.retracted ? [' ', h('span', {class: 'label label-retracted'}, 'retracted')] : null),
      h('span', {class: 'step-subject'}, item.unitId ?? item.instrument ?? ''),
      h('span', {class: 'step-authority'}, authority(item.authority), ' · by ', item.recordedBy ?? '—')))));
  const selected = $('replay-list').querySelector('[aria-current="step"]');
  if (selected) {
    if (focusList) selected.focus();
    if (playing || focusList) selected.scrollIntoView({block: 'nearest'});
  }
  if (redraw || replayScope === 'step') drawCompare(chapter, change);
  else outlineStep(change);
}

function outlineStep(change) {
  for (const node of document.querySelectorAll('#replay-before .oc-node, #replay-after .oc-node')) {
    node.classList.toggle('oc-hl-step', node.dataset.unit === change.unitId);
  }
}

function structureOn(asOf) {
  if (!structures.has(asOf)) {
    structures.set(asOf, api.structure(asOf).catch((error) => {
      structures.delete(asOf);
      throw error;
    }));
  }
  return structures.get(asOf);
}

let replayScope = 'day'; // 'day': the day before and the day; 'step': just before and after the current step

/**
 * The units after the given steps, applied in the browser to the structure of the day before:
 * the same facts the steps record (establishment, name, reporting line, head, functions,
 * abolition), in the order the API gives them at the end of the day.
 */
function applySteps(units, steps, order) {
  const byId = new Map(units.map((unit) => [unit.id, {...unit, functions: [...(unit.functions ?? [])]}]));
  for (const change of steps) {
    if (change.retracted || !change.unitId) continue;
    const unit = byId.get(change.unitId);
    switch (change.type) {
      case 'UnitEstablished':
        byId.set(change.unitId, {id: change.unitId, kind: change.kind, name: change.name, nameLabels: change.nameLabels,
          parentId: change.parentId ?? null, head: null, authority: change.authority, functions: []});
        break;
      case 'UnitAbolished': byId.delete(change.unitId); break;
      case 'UnitRenamed': if (unit) Object.assign(unit, {name: change.name, nameLabels: change.nameLabels}); break;
      case 'ReportingLineChanged': if (unit) unit.parentId = change.parentId ?? null; break;
      case 'HeadDesignated': if (unit) unit.head = {title: change.title, titleLabels: change.titleLabels, level: change.level}; break;
      case 'HeadVacated': if (unit) unit.head = null; break;
      case 'FunctionAssigned':
        if (unit) unit.functions = [...unit.functions.filter((fn) => fn.id !== change.functionId),
          {id: change.functionId, text: change.text, textLabels: change.textLabels, authority: change.authority}];
        break;
      case 'FunctionWithdrawn': if (unit) unit.functions = unit.functions.filter((fn) => fn.id !== change.functionId); break;
      default: break;
    }
  }
  const rank = new Map(order.map((unit, i) => [unit.id, i]));
  return [...byId.values()].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

async function drawCompare(chapter, change) {
  const current = compareTicket();
  const beforeDate = dayBefore(chapter.date);
  const inChapter = stepIndex() - chapter.first;
  const byStep = replayScope === 'step';
  if (byStep) {
    replace($('replay-before-title'), `Before step ${inChapter + 1} of ${chapter.changes.length} of `, date(chapter.date));
    replace($('replay-after-title'), `After step ${inChapter + 1}`, ' (the steps applied in this browser to the structure of ', date(beforeDate), ')');
  } else {
    replace($('replay-before-title'), 'Before: in force on ', date(beforeDate));
    replace($('replay-after-title'), 'After: in force on ', date(chapter.date), ' (every change of the day)');
  }
  for (const id of ['replay-before', 'replay-after']) {
    $(id).setAttribute('aria-busy', 'true');
  }
  try {
    let [before, after] = await Promise.all([structureOn(beforeDate), structureOn(chapter.date)]);
    if (!current()) return;
    let highlights = chapterHighlights(chapter);
    if (byStep) {
      const order = after.units ?? [];
      before = {units: applySteps(before.units ?? [], chapter.changes.slice(0, inChapter), order)};
      after = {units: applySteps(before.units, [change], order)};
      highlights = chapterHighlights({changes: [change]});
    }
    const draw = (id, structure, marks, when) => {
      const container = $(id);
      const units = Array.isArray(structure.units) ? structure.units : [];
      container.style.height = '';
      if (units.length === 0) {
        replace(container, h('p', {class: 'empty'}, `No unit was in force on ${when}.`));
        return;
      }
      const {svg, geometry} = drawChart(units, container, {
        language: state.lang, collapsed: new Set(), highlights: marks, step: change.unitId,
        label: `${id === 'replay-before' ? 'Before' : 'After'}: ${units.length} units in force on ${when}`,
        onSelect: (unit) => openHistory(unit.id),
      });
      // as tall as the chart needs, up to about half a laptop screen; then it is fitted
      if (!geometry.vertical) container.style.height = `${Math.min(geometry.height + 6, 430)}px`;
      zoomable(container, svg, geometry);
    };
    draw('replay-before', before, highlights.before, beforeDate);
    draw('replay-after', after, highlights.after, chapter.date);
  } catch (error) {
    if (!current()) return;
    replace($('replay-after'), h('div', {class: 'error', role: 'alert'}, h('p', {}, error.message)));
    $('replay-before').replaceChildren();
  } finally {
    if (current()) {
      for (const id of ['replay-before', 'replay-after']) $(id).removeAttribute('aria-busy');
    }
  }
}

function setScope(scope) {
  replayScope = scope;
  for (const radio of document.querySelectorAll('input[name="replay-scope"]')) radio.checked = radio.value === scope;
  const chapter = chapters[chapterIndex()];
  if (chapter) drawCompare(chapter, replayChanges[stepIndex()]);
}

function togglePlaying() {
  if (playing) {
    stopPlaying();
  } else {
    // playing shows the transition step by step
    if (replayScope !== 'step') setScope('step');
    if (stepIndex() >= replayChanges.length - 1) goToStep(1, {redraw: true});
    playing = setInterval(() => {
      if (stepIndex() >= replayChanges.length - 1) {
        stopPlaying();
        return;
      }
      goToStep(stepIndex() + 2);
    }, 1200);
  }
  const button = $('replay-play');
  if (button) {
    button.textContent = playing ? '❚❚ Pause' : '▶ Play';
    button.setAttribute('aria-pressed', playing ? 'true' : 'false');
  }
}

function stopPlaying() {
  if (playing) clearInterval(playing);
  playing = null;
  const button = $('replay-play');
  if (button) {
    button.textContent = '▶ Play';
    button.setAttribute('aria-pressed', 'false');
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
    // the timeline says which change (instrument, provision) ended each withdrawn function
    const [diff, timeline] = await Promise.all([api.diff(state.from, state.to),
      api.timeline(state.from, state.to).catch(() => null)]);
    if (!current()) return;
    $('diff-status').replaceChildren(document.createTextNode('The structure on '), date(diff.from ?? state.from),
        document.createTextNode(' compared with '), date(diff.to ?? state.to),
        ...(diff.knownAt ? [document.createTextNode(', as the ledger knew it at '), instant(diff.knownAt)] : []),
        document.createTextNode('.'));
    replace($('diff'), diffSections(diff, withdrawals(timeline)));
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

function diffSections(diff, ended) {
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
        table(['Unit', 'Provision', 'Text', 'Ended by', 'Granted by'], items.map((item) => {
          const [unit, provision, text, granted] = functionCells(item);
          const end = ended.get(`${item.unitId} ${item.function?.id}`);
          return [unit, provision, text, end
              ? h('span', {class: 'ended-by'}, authority(end.authority), ', effective ', date(end.effectiveFrom))
              : h('span', {class: 'muted'}, 'not in the timeline of these dates'), granted];
        }))),
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

// ---------------------------------------------------------------- auditor's view
// Signs in with HTTP Basic (the credentials stay in this module's memory), shows the chain's
// verification and the newest signed tree head, the change log with filters and paging, and
// checks any change's inclusion proof and the tree head's signature with WebCrypto.

let auditor = null; // {user, api}
const auditLogTicket = latest();
let auditPages = []; // afterSequence of each page shown, for paging back to the first
let auditFilter = {};

function showAudit() {
  // the structure exports follow the chart's date
  $('audit-export-date').textContent = state.asOf;
  for (const format of ['csv', 'jsonld', 'turtle']) {
    $(`audit-export-${format}`).href = `/api/export/structure?${new URLSearchParams({asOf: state.asOf, format})}`;
  }
  $('audit-signin').hidden = auditor !== null;
  $('audit-signed-in').hidden = auditor === null;
  $('audit-body').hidden = auditor === null;
  if (auditor === null) {
    $('audit-status').textContent = 'Sign in to read the audit trail.';
  }
}

async function signIn(user, password) {
  showError('audit-error', null);
  $('audit-status').textContent = `Signing in as ${user}…`;
  const candidate = {user, api: auditApi(user, password)};
  try {
    const verification = await candidate.api.verify();
    auditor = candidate;
    $('audit-password').value = '';
    $('audit-who').textContent = user;
    showAudit();
    $('audit-status').textContent = '';
    await showVerification(verification);
    auditPages = [0];
    await loadAuditLog();
  } catch (error) {
    auditor = null;
    showAudit();
    $('audit-status').textContent = '';
    showError('audit-error', error.status === 401 ? new Error('The user or the password is wrong (HTTP 401).')
        : error.status === 403 ? new Error(`${user} may not read the audit trail (HTTP 403): it needs the auditor or registrar role.`)
            : error);
  }
}

function signOut() {
  auditor = null;
  for (const id of ['audit-verify', 'audit-log']) $(id).replaceChildren();
  replace($('audit-proof'), h('p', {class: 'muted'}, 'Choose “Check proof” on a change of the log.'));
  $('audit-log-status').textContent = '';
  showAudit();
  $('audit-user').focus();
}

async function showVerification(verification) {
  let root = null;
  try {
    root = await auditor.api.root();
  } catch {
    root = null;
  }
  const valid = verification.valid === true;
  replace($('audit-verify'),
      h('p', {class: valid ? 'verdict verdict-ok' : 'verdict verdict-bad', id: 'audit-verdict'},
          valid ? '✔ The chain is intact: every event hash recomputed and checked against the signed tree heads.'
              : `✘ The chain is broken at sequence ${verification.firstInvalidSequence}: ${verification.reason ?? ''}`),
      h('dl', {class: 'facts'},
          h('dt', {}, 'Events checked'), h('dd', {id: 'audit-events'}, String(verification.eventsChecked ?? '—')),
          h('dt', {}, 'Head of the chain'), h('dd', {}, h('code', {class: 'hash'}, verification.head ?? '—')),
          root ? [
            h('dt', {}, 'Newest signed tree head'), h('dd', {}, `size ${root.treeSize}, last sequence ${root.lastSequence}, `, instant(root.recordedAt)),
            h('dt', {}, 'Its root'), h('dd', {}, h('code', {class: 'hash'}, root.root)),
            h('dt', {}, 'Signing key id'), h('dd', {}, h('code', {class: 'hash'}, root.keyId ?? '—')),
          ] : null));
}

function readAuditFilter() {
  const filter = {};
  for (const name of ['recordedBy', 'unitId', 'instrument', 'recordedFrom', 'recordedTo']) {
    const value = $(`audit-${name}`).value.trim();
    if (value) filter[name] = value;
  }
  return filter;
}

async function loadAuditLog() {
  if (!auditor) return;
  const current = auditLogTicket();
  const after = auditPages.at(-1) ?? 0;
  $('audit-log-status').textContent = 'Loading the change log…';
  try {
    const page = await auditor.api.log({...auditFilter, afterSequence: after, limit: 25});
    if (!current()) return;
    const events = Array.isArray(page.events) ? page.events : [];
    const filtered = Object.keys(auditFilter).length > 0;
    $('audit-log-status').textContent = events.length === 0 ? 'No recorded change matches.'
        : `Page ${auditPages.length}: changes #${events[0].sequence} to #${events.at(-1).sequence}${filtered ? ' matching the filter' : ''}.`;
    replace($('audit-log'), table(['Seq.', 'Recorded', 'By', 'Change', 'Subject', 'Authority', 'Hash', 'Proof'],
        events.map((event) => [
          String(event.sequence),
          instant(event.recordedAt),
          event.recordedBy ?? '—',
          humanType(event.type),
          event.payload?.unitId ?? event.payload?.symbol ?? event.payload?.instrument ?? '—',
          authority(event.payload?.authority),
          h('code', {class: 'hash', title: event.hash}, `${String(event.hash).slice(0, 12)}…`),
          h('button', {type: 'button', class: 'secondary small-button', dataset: {sequence: String(event.sequence)},
            'aria-label': `Check proof of change ${event.sequence}`,
            onclick: () => checkProof(event)}, 'Check proof'),
        ])));
    $('audit-next').disabled = !page.nextAfterSequence;
    $('audit-next').dataset.after = page.nextAfterSequence ?? '';
    $('audit-first').disabled = auditPages.length <= 1;
  } catch (error) {
    if (!current()) return;
    $('audit-log').replaceChildren();
    $('audit-log-status').textContent = '';
    showError('audit-error', error);
  }
}

async function checkProof(event) {
  const box = $('audit-proof');
  replace(box, h('p', {class: 'status'}, `Fetching and checking the proof of change #${event.sequence}…`));
  box.scrollIntoView({block: 'nearest'});
  try {
    const proof = await auditor.api.proof(event.sequence);
    const inclusion = await verifyInclusion({eventHash: event.hash, leafIndex: proof.leafIndex,
      treeSize: proof.treeSize, path: proof.path ?? [], root: proof.root});
    let signature = {ok: null, reason: 'no signed tree head came with the proof'};
    if (proof.treeHead && proof.treeHead.root === proof.root) {
      try {
        const key = await auditor.api.key();
        signature = await verifyTreeHead(proof.treeHead, key.publicKey);
      } catch (error) {
        signature = {ok: null, reason: error.message};
      }
    }
    const ok = inclusion.ok && event.hash === proof.eventHash;
    replace(box,
        h('p', {class: ok ? 'verdict verdict-ok' : 'verdict verdict-bad', id: 'audit-proof-verdict'},
            ok ? `✔ Change #${event.sequence} is in the log: its hash, hashed up the ${proof.path?.length ?? 0} sibling hashes of the proof, gives the root of the tree of ${proof.treeSize} events.`
                : `✘ The proof of change #${event.sequence} does not check: ${inclusion.reason ?? 'the event hash differs from the one in the log'}.`),
        h('p', {class: signature.ok ? 'verdict verdict-ok' : signature.ok === false ? 'verdict verdict-bad' : 'verdict', id: 'audit-signature-verdict'},
            signature.ok ? `✔ The tree head's Ed25519 signature verifies under the ledger's key (key id ${signature.keyId.slice(0, 16)}…).`
                : signature.ok === false ? `✘ The tree head's signature: ${signature.reason}.`
                    : `The tree head's signature was not checked: ${signature.reason}.`),
        h('dl', {class: 'facts'},
            h('dt', {}, 'Event hash (from the log)'), h('dd', {}, h('code', {class: 'hash'}, event.hash)),
            h('dt', {}, 'Leaf index'), h('dd', {}, String(proof.leafIndex)),
            h('dt', {}, 'Leaf hash, SHA-256(0x00 ‖ event hash)'), h('dd', {}, h('code', {class: 'hash'}, inclusion.leaf ?? '—')),
            h('dt', {}, 'Root recomputed here'), h('dd', {}, h('code', {class: 'hash'}, inclusion.root ?? '—')),
            h('dt', {}, 'Root of the signed tree head'), h('dd', {}, h('code', {class: 'hash'}, proof.root))),
        h('details', {}, h('summary', {}, `The ${proof.path?.length ?? 0} sibling hashes of the proof`),
            h('ol', {class: 'hashes'}, (proof.path ?? []).map((hash) => h('li', {}, h('code', {class: 'hash'}, hash))))));
  } catch (error) {
    replace(box, h('div', {class: 'error', role: 'alert'}, h('p', {}, error.message)));
  }
}

/** The structure on one date as shown at two knownAt instants, and the changes recorded in between. */
async function compareKnown(asOf, earlier, later) {
  const box = $('audit-known-result');
  replace(box, h('p', {class: 'status'}, 'Comparing…'));
  try {
    const [a, b, log] = await Promise.all([api.structure(asOf, earlier), api.structure(asOf, later),
      auditor.api.log({recordedFrom: earlier, recordedTo: later, limit: 500})]);
    const before = new Map((a.units ?? []).map((unit) => [unit.id, unit]));
    const after = new Map((b.units ?? []).map((unit) => [unit.id, unit]));
    const rows = [];
    const same = (x, y) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
    for (const [id, unit] of after) {
      const old = before.get(id);
      if (!old) {
        rows.push([id, 'not shown then', 'shown now']);
        continue;
      }
      if (!same(old.name, unit.name)) rows.push([id, 'name', `${pick(old.name, state.lang).text} → ${pick(unit.name, state.lang).text}`]);
      if (old.parentId !== unit.parentId) rows.push([id, 'reports to', `${old.parentId ?? 'nobody'} → ${unit.parentId ?? 'nobody'}`]);
      if (!same(old.head, unit.head)) rows.push([id, 'head', `${pick(old.head?.title, state.lang).text || 'none'} → ${pick(unit.head?.title, state.lang).text || 'none'}`]);
      const fa = (old.functions ?? []).map((fn) => fn.id);
      const fb = (unit.functions ?? []).map((fn) => fn.id);
      const gained = fb.filter((fn) => !fa.includes(fn));
      const lost = fa.filter((fn) => !fb.includes(fn));
      if (gained.length || lost.length) rows.push([id, 'functions', `${gained.length} more, ${lost.length} fewer`]);
    }
    for (const id of before.keys()) if (!after.has(id)) rows.push([id, 'shown then', 'not shown now']);
    const events = Array.isArray(log.events) ? log.events : [];
    replace(box,
        h('p', {id: 'audit-known-summary'}, `On ${asOf}: ${before.size} units as known at ${earlier}, ${after.size} as known at ${later}; `
            + `${rows.length} ${rows.length === 1 ? 'difference' : 'differences'}; ${events.length}${log.nextAfterSequence ? '+' : ''} `
            + `${events.length === 1 ? 'change' : 'changes'} recorded in between.`),
        rows.length > 0 ? table(['Unit', 'What', 'Then → now'], rows.map(([id, what, change]) => [h('code', {}, id), what, change])) : null,
        events.length > 0 ? h('details', {}, h('summary', {}, 'The changes recorded in between'),
            h('ul', {class: 'plain'}, events.map((event) => h('li', {}, `#${event.sequence} `, humanType(event.type), ' ',
                event.payload?.unitId ?? event.payload?.symbol ?? '', ' · ', instant(event.recordedAt), ' · by ', event.recordedBy ?? '—')))) : null);
  } catch (error) {
    replace(box, h('div', {class: 'error', role: 'alert'}, h('p', {}, error.message)));
  }
}

async function download(fetchBlob, name, makeBlob) {
  try {
    const blob = makeBlob ? await makeBlob() : await fetchBlob();
    const url = URL.createObjectURL(blob);
    const link = h('a', {href: url, download: name});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showError('audit-error', error);
  }
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
      if (state.view === 'lifelines') drawTheLifelines();
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

  for (const radio of document.querySelectorAll('input[name="replay-scope"]')) {
    radio.addEventListener('change', () => {
      if (radio.checked) setScope(radio.value);
    });
  }

  $('replay-list').addEventListener('keydown', (event) => {
    if (replayChanges.length === 0) return;
    const index = stepIndex();
    stopPlaying();
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
    // in the chart the unit stays selected (its panel is open); elsewhere the URL named the dialog
    if (state.unit && state.view !== 'chart') navigate({unit: null}, {push: false});
  });

  $('audit-signin').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('audit-user').value.trim(), $('audit-password').value);
  });
  $('audit-signout').addEventListener('click', signOut);
  $('audit-known').addEventListener('submit', (event) => {
    event.preventDefault();
    const asOf = $('audit-known-asOf').value.trim();
    const earlier = $('audit-known-a').value.trim();
    const later = $('audit-known-b').value.trim();
    if (!DATE.test(asOf)) return $('audit-known-asOf').reportValidity();
    if (!INSTANT.test(earlier) || !INSTANT.test(later)) {
      replace($('audit-known-result'), h('div', {class: 'error', role: 'alert'}, h('p', {}, 'Both instants as ISO-8601 UTC, e.g. 2026-11-24T00:00:00Z.')));
      return undefined;
    }
    return compareKnown(asOf, earlier, later);
  });
  $('audit-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    auditFilter = readAuditFilter();
    auditPages = [0];
    loadAuditLog();
  });
  $('audit-next').addEventListener('click', () => {
    const after = Number($('audit-next').dataset.after);
    if (!after) return;
    auditPages.push(after);
    loadAuditLog();
  });
  $('audit-first').addEventListener('click', () => {
    auditPages = [0];
    loadAuditLog();
  });
  $('audit-download-export').addEventListener('click', () => download(() => auditor.api.export(), 'orgledger-log.jsonl'));
  $('audit-download-key').addEventListener('click', () => download(null, 'orgledger-key.pem',
      async () => new Blob([(await auditor.api.key()).publicKey], {type: 'application/x-pem-file'})));

  window.addEventListener('popstate', () => {
    state = readUrl();
    render();
  });
}

for (const heading of document.querySelectorAll('.view > h2')) heading.tabIndex = -1;
wire();
render();
