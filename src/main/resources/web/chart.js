// The overview's chart: units taken, jobs forwarded and units rejected per interval, drawn as SVG lines.

const SVG = 'http://www.w3.org/2000/svg';
const SERIES = [
  {field: 'taken', label: 'taken', cls: 'series-taken'},
  {field: 'forwarded', label: 'forwarded', cls: 'series-forwarded'},
  {field: 'rejected', label: 'rejected', cls: 'series-rejected'},
];

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** An <svg> of the timeline answer {from, stepSeconds, intervals:[{start, taken, forwarded, rejected}]}. */
export function timelineChart(timeline) {
  const width = 640, height = 200, left = 40, right = 10, top = 10, bottom = 28;
  const intervals = timeline.intervals;
  const max = Math.max(1, ...intervals.flatMap(i => SERIES.map(s => i[s.field])));
  const x = k => left + (intervals.length <= 1 ? 0 : k * (width - left - right) / (intervals.length - 1));
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const minutes = Math.round(intervals.length * timeline.stepSeconds / 60);
  const root = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart',
    'aria-label': `Units taken, forwarded and rejected per ${timeline.stepSeconds} s over the last ${minutes} minutes`});
  for (const v of [0, max / 2, max]) {
    root.appendChild(svg('line', {x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'grid'}));
    root.appendChild(svg('text', {x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis'},
      Number.isInteger(v) ? v : v.toFixed(1)));
  }
  const ticks = [0, Math.floor(intervals.length / 2), intervals.length - 1];
  for (const k of ticks) {
    if (!intervals[k]) continue;
    const label = new Date(intervals[k].start).toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'});
    root.appendChild(svg('text', {x: x(k), y: height - 8, 'text-anchor': 'middle', class: 'axis'}, label));
  }
  for (const s of SERIES) {
    const points = intervals.map((i, k) => `${x(k).toFixed(1)},${y(i[s.field]).toFixed(1)}`).join(' ');
    const line = svg('polyline', {points, class: `line ${s.cls}`});
    line.appendChild(svg('title', {}, s.label));
    root.appendChild(line);
  }
  return root;
}

/** The chart's legend, with each series' total over the chart's span. */
export function legend(timeline) {
  const list = document.createElement('ul');
  list.className = 'legend';
  for (const s of SERIES) {
    const total = timeline.intervals.reduce((sum, i) => sum + i[s.field], 0);
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch ${s.cls}`;
    item.append(swatch, `${s.label}: ${total}`);
    item.dataset.series = s.field;
    list.appendChild(item);
  }
  return list;
}
