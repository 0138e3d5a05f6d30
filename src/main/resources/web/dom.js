// Building the page from data without ever parsing data as HTML: every string becomes a text node.

/** h('td', {class: 'x'}, 'text', child...): an element; attributes starting with "on" are listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces what el holds. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table with a caption and column headers; rows are arrays of cells (strings or nodes). */
export function table(caption, headers, rows, attrs) {
  return h('table', attrs || {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map(text => h('th', {scope: 'col'}, text)))),
    h('tbody', {}, rows.map(row => row instanceof Node ? row : h('tr', {}, row.map(cell => h('td', {}, cell))))));
}

/** 2026-12-04T17:52:07.1Z as local date and time, to the second. */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(undefined, {dateStyle: 'short', timeStyle: 'medium'});
}

/** Seconds as "42 s", "3 min 5 s", "2 h 10 min". */
export function age(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** "line 3:5" for an error that has a position, "" for one about the whole file. */
export function position(error) {
  return error && error.line ? `${error.line}:${error.column || 0}` : '';
}
