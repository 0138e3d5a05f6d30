// A verdict's errors and the text they point at: every error with its field path and line:column, and the text with
// those lines marked and the errors beside them. The text is shown as text, never parsed.

import {h, position, table} from './dom.js';

/** The errors table of a validate --json object (or an item of /files). */
export function errorTable(errors, caption) {
  return table(caption || 'Errors', ['Line:column', 'Field', 'Message'],
    errors.map(e => [position(e), e.path || '', e.message]), {class: 'errors'});
}

/**
 * The text with line numbers; lines an error names are marked, and their errors follow them. Errors without a line
 * (about the whole file) are listed above the text.
 */
export function markedText(text, errors) {
  const byLine = new Map();
  for (const e of errors || []) {
    if (!e.line) continue;
    if (!byLine.has(e.line)) byLine.set(e.line, []);
    byLine.get(e.line).push(e);
  }
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const rows = [];
  lines.forEach((line, k) => {
    const number = k + 1;
    const errs = byLine.get(number);
    rows.push(h('tr', {class: errs ? 'line marked' : 'line', 'data-line': number},
      h('th', {scope: 'row', class: 'number'}, number),
      h('td', {class: 'code'}, line === '' ? ' ' : line)));
    for (const e of errs || []) {
      rows.push(h('tr', {class: 'line-error'}, h('td', {}, ''),
        h('td', {}, h('span', {class: 'caret'}, ' '.repeat(Math.max(0, (e.column || 1) - 1)) + '^ '),
          `${e.path ? e.path + ': ' : ''}${e.message}`)));
    }
  });
  // errors pointing past the end (a missing key at end of file) are still shown
  for (const [line, errs] of byLine) {
    if (line > lines.length) {
      errs.forEach(e => rows.push(h('tr', {class: 'line-error'}, h('td', {}, line), h('td', {}, e.message))));
    }
  }
  return h('div', {class: 'text-scroll'},
    h('table', {class: 'source'}, h('caption', {class: 'visually-hidden'}, 'The file, errors marked'),
      h('tbody', {}, rows)));
}
