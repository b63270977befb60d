// Builds DOM nodes. Text from the API only ever reaches the page as text nodes (never as
// markup), so a unit name such as "<b>" shows as typed and cannot inject anything.

/**
 * h('p', {class: 'x', onclick: fn}, 'text', child, [more, children]) -> element.
 * Attributes: 'class', 'dataset' (object), on* (listeners), booleans (true: present, false/null: absent).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.append(child);
    } else {
      element.append(document.createTextNode(String(child)));
    }
  }
}

/** Replaces every child of element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** 2026-11-24T03:10:05.123456Z -> <time datetime=...>2026-11-24 03:10:05 UTC</time> */
export function instant(value) {
  if (typeof value !== 'string') return h('span', {}, '—');
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(value);
  return h('time', {datetime: value, title: value}, match ? `${match[1]} ${match[2]} UTC` : value);
}

export function date(value) {
  return typeof value === 'string' ? h('time', {datetime: value}, value) : h('span', {}, '—');
}

/** UnitEstablished -> "Unit established" */
export function humanType(type) {
  if (typeof type !== 'string' || type === '') return 'Change';
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** parentId -> "parent id" */
export function humanField(name) {
  return String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
