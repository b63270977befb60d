// How the ledger's values look on the page: texts per language, authorities, units, the
// nested org chart and recorded changes. Every function returns DOM nodes built with h().

import {h, date, instant, humanType, humanField} from './dom.js';

const languageNames = new Intl.DisplayNames(['en'], {type: 'language'});
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function languageName(tag) {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** {"zh": "...", "en": "..."} (values may also be {text, status, source}), or a plain string. */
export function isLocalized(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
      && Object.keys(value).length > 0
      && Object.entries(value).every(([key, text]) =>
          LANGUAGE_TAG.test(key) && (typeof text === 'string' || typeof text?.text === 'string'));
}

const STATUS_WORDS = {
  SUMMARY: 'summary, not the official wording',
  UNOFFICIAL_TRANSLATION: 'unofficial translation',
};

/** A label as the API may carry it: "SUMMARY", or {status, source}. */
function label(status, source) {
  if (!status) return null;
  if (status === 'VERBATIM') return null; // the official wording (of the instrument, or of the source named in the tooltip)
  const words = STATUS_WORDS[status] ?? humanField(status).toLowerCase();
  return h('span', {class: `label label-${status.toLowerCase()}`, title: source ? `Source: ${source}` : null}, words);
}

/**
 * Every language of a text, each marked with its language (lang attribute, so that Chinese is
 * shaped as Chinese) and, where labels say so, as a summary or an unofficial translation.
 */
export function localized(text, labels, {block = false} = {}) {
  if (text === null || text === undefined) return h('span', {class: 'muted'}, '—');
  if (typeof text === 'string') return h('span', {}, text);
  const entries = Object.entries(text).filter(([language]) => !language.startsWith('preferred'));
  const tag = block ? 'div' : 'span';
  return h(tag, {class: block ? 'lt lt-block' : 'lt'}, entries.map(([language, entry]) => {
    const value = typeof entry === 'string' ? entry : entry?.text ?? JSON.stringify(entry);
    const given = labels?.[language] ?? (typeof entry === 'object' ? entry : null);
    const status = typeof given === 'string' ? given : given?.status;
    const source = typeof given === 'object' ? given?.source : null;
    return h(tag, {class: 'lt-entry'},
        h('abbr', {class: 'lang', title: languageName(language)}, language),
        ' ',
        h('span', {lang: language, class: 'lt-text', title: source ? `Source: ${source}` : null}, value),
        label(status, source) ? [' ', label(status, source)] : null);
  }));
}

export function authority(value) {
  if (!value || typeof value !== 'object') return h('span', {class: 'muted'}, '—');
  return h('span', {class: 'authority'},
      h('cite', {}, value.instrument ?? '?'),
      value.provision ? [', provision ', h('span', {class: 'provision'}, value.provision)] : null);
}

export function head(value) {
  if (!value) return h('span', {class: 'muted'}, 'none recorded');
  return h('span', {},
      localized(value.title, value.titleLabels),
      value.level ? [' ', h('span', {class: 'level', title: 'Level of the post'}, value.level)] : null);
}

function functionItem(fn, unitAuthority) {
  const sameInstrument = fn.authority?.instrument && fn.authority.instrument === unitAuthority?.instrument;
  return h('li', {class: 'function'},
      h('span', {class: 'fn-provision', title: fn.authority?.instrument ?? ''}, fn.authority?.provision ?? fn.id ?? ''),
      h('div', {class: 'fn-body'},
          localized(fn.text, fn.textLabels, {block: true}),
          h('div', {class: 'fn-meta'},
              sameInstrument ? null : [authority(fn.authority), ' · '],
              h('code', {}, fn.id ?? ''))));
}

export function functionList(functions, unitAuthority) {
  return h('ol', {class: 'functions'}, functions.map((fn) => functionItem(fn, unitAuthority)));
}

/** The other names a unit's instruments give it, each with the provision that gives it. */
function alternateNames(names) {
  if (!Array.isArray(names) || names.length === 0) return null;
  return [h('dt', {}, 'Also named'),
    h('dd', {}, h('ul', {class: 'plain alternate-names'}, names.map((alternate) => h('li', {},
        localized(alternate.name, alternate.nameLabels), ' (', authority(alternate.authority), ')'))))];
}

let cards = 0;

/** One unit as in force on a date. onHistory(id) is called by its History button. */
export function unitCard(unit, {onHistory, highlighted = false, headingLevel = 3} = {}) {
  const functions = Array.isArray(unit.functions) ? unit.functions : [];
  const nameId = `unit-name-${++cards}`; // a unit can be on the page more than once (chart, replay, diff)
  return h('article', {class: highlighted ? 'unit highlighted' : 'unit', 'aria-labelledby': nameId, dataset: {unit: unit.id}},
      h('div', {class: 'unit-header'},
          h('div', {class: 'unit-title'},
              h(`h${headingLevel}`, {class: 'unit-name', id: nameId}, localized(unit.name, unit.nameLabels)),
              h('code', {class: 'unit-id', title: 'Unit id'}, unit.id)),
          h('span', {class: `kind kind-${String(unit.kind).toLowerCase()}`}, unit.kind ?? 'UNKNOWN'),
          onHistory ? h('button', {type: 'button', class: 'history-button', onclick: () => onHistory(unit.id),
            'aria-label': `History of ${unit.id}`}, 'History') : null),
      h('dl', {class: 'facts'},
          alternateNames(unit.alternateNames),
          h('dt', {}, 'Head'), h('dd', {}, head(unit.head)),
          h('dt', {}, 'Authority'), h('dd', {}, authority(unit.authority))),
      functions.length > 0
          ? h('details', {class: 'unit-functions'},
              h('summary', {}, `Functions (${functions.length})`),
              functionList(functions, unit.authority))
          : h('p', {class: 'muted no-functions'}, 'No functions recorded'));
}

/**
 * The units as a nested list by parentId. The API lists parents before children; a unit whose
 * parent is not in the list (should not happen) is shown at the top with a note.
 */
export function orgTree(units, options = {}) {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map();
  const roots = [];
  for (const unit of units) {
    if (unit.parentId && byId.has(unit.parentId) && unit.parentId !== unit.id) {
      if (!children.has(unit.parentId)) children.set(unit.parentId, []);
      children.get(unit.parentId).push(unit);
    } else {
      roots.push(unit);
    }
  }
  const shown = new Set();
  const branch = (list) => h('ul', {class: 'tree'}, list.filter((unit) => !shown.has(unit.id)).map((unit) => {
    shown.add(unit.id);
    const orphan = unit.parentId && !byId.has(unit.parentId)
        ? h('p', {class: 'note'}, 'Reports to ', h('code', {}, unit.parentId), ', which is not in force on this date.')
        : null;
    const kids = children.get(unit.id) ?? [];
    return h('li', {},
        orphan,
        unitCard(unit, {...options, highlighted: options.highlight === unit.id}),
        kids.length > 0 ? branch(kids) : null);
  }));
  return branch(roots);
}

const SHOWN_FIRST = ['sequence', 'type', 'unitId', 'instrument', 'effectiveFrom', 'recordedAt', 'recordedBy',
  'authority', 'retracted', 'retractedBy', 'retractedAt'];

/** A value of a type-specific field of a change, whatever its shape. */
export function anyValue(value, labels) {
  if (value === null || value === undefined) return h('span', {class: 'muted'}, '—');
  if (isLocalized(value)) return localized(value, labels);
  if (Array.isArray(value)) {
    if (value.length === 0) return h('span', {class: 'muted'}, 'none');
    return h('ul', {class: 'plain'}, value.map((item) => h('li', {}, anyValue(item))));
  }
  if (typeof value === 'object') {
    if ('instrument' in value && 'provision' in value && Object.keys(value).length === 2) return authority(value);
    return fields(value, []);
  }
  if (typeof value === 'boolean') return h('span', {}, value ? 'yes' : 'no');
  return h('span', {}, String(value));
}

/** An object's fields as a definition list, leaving out those in skip; xLabels go with x. */
function fields(object, skip) {
  const entries = Object.entries(object).filter(([name]) =>
      !skip.includes(name) && !name.startsWith('preferred')
      && !(name.endsWith('Labels') && name.slice(0, -'Labels'.length) in object));
  if (entries.length === 0) return null;
  return h('dl', {class: 'fields'}, entries.map(([name, value]) => [
    h('dt', {}, humanField(name)),
    h('dd', {}, anyValue(value, object[`${name}Labels`])),
  ]));
}

/** The fields that only this type of change carries (name, parentId, function, ...). */
export function changeDetails(change) {
  return fields(change, SHOWN_FIRST) ?? h('span', {class: 'muted'}, 'no further fields');
}

export function retraction(change) {
  if (!change.retracted) return null;
  return h('span', {class: 'retracted'}, 'Retracted',
      change.retractedBy !== undefined ? [' by change #', String(change.retractedBy)] : null,
      change.retractedAt ? [' recorded ', instant(change.retractedAt)] : null);
}

/** The common facts of a change as a definition list. */
export function changeFacts(change, {onUnit} = {}) {
  const subject = change.unitId
      ? [h('dt', {}, 'Unit'), h('dd', {}, onUnit
          ? h('button', {type: 'button', class: 'link', onclick: () => onUnit(change.unitId)}, change.unitId)
          : h('code', {}, change.unitId))]
      : change.instrument ? [h('dt', {}, 'Instrument'), h('dd', {}, h('cite', {}, change.instrument))] : null;
  return h('dl', {class: 'facts'},
      h('dt', {}, 'Sequence'), h('dd', {}, String(change.sequence ?? '—')),
      h('dt', {}, 'Type'), h('dd', {}, humanType(change.type), ' ', h('code', {class: 'muted'}, change.type ?? '')),
      subject,
      h('dt', {}, 'Effective from'), h('dd', {}, date(change.effectiveFrom)),
      h('dt', {}, 'Recorded at'), h('dd', {}, instant(change.recordedAt)),
      h('dt', {}, 'Recorded by'), h('dd', {}, change.recordedBy ?? '—'),
      h('dt', {}, 'Authority'), h('dd', {}, authority(change.authority)),
      change.retracted ? [h('dt', {}, 'Retracted'), h('dd', {}, retraction(change))] : null);
}

