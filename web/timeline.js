// The trainee's timeline as SVG, from /api/check's facts (never computed here): one row per
// kind of item, the as-of date as a line and the earliest completion as a marker. Each bar
// names itself (<title>) so the picture is not the only way to read it.

import { s } from './dom.js';
import { isDate, dayNumber, fromDayNumber } from './dates.js';

const ROWS = [
  { key: 'service', label: 'Tjänstgöring', kinds: ['placement', 'side-placement'] },
  { key: 'leave', label: 'Frånvaro', kinds: ['leave'] },
  { key: 'course', label: 'Kurser', kinds: ['course'] },
  { key: 'other', label: 'Övrigt', kinds: ['auskultation', 'development', 'scientific'] },
];
const KIND_LABEL = {
  placement: 'Placering', 'side-placement': 'Sidotjänstgöring', leave: 'Frånvaro', course: 'Kurs',
  auskultation: 'Auskultation', development: 'Utvecklingsarbete', scientific: 'Vetenskapligt arbete',
};
const STATE_LABEL = { done: 'genomförd', ongoing: 'pågår', planned: 'planerad' };

function rowOf(kind) {
  return ROWS.find((r) => r.kinds.includes(kind)) || ROWS[3];
}

// The span of days to draw: every item, the as-of date and the earliest completion.
function extent(facts) {
  const days = [];
  for (const item of facts.timeline || []) {
    if (isDate(item.start)) days.push(dayNumber(item.start));
    if (isDate(item.end)) days.push(dayNumber(item.end));
  }
  if (isDate(facts.as_of)) days.push(dayNumber(facts.as_of));
  if (isDate(facts.earliest_completion)) days.push(dayNumber(facts.earliest_completion));
  if (!days.length) return null;
  let first = Math.min(...days);
  let last = Math.max(...days);
  if (last - first < 180) last = first + 180;
  const pad = Math.round((last - first) * 0.02);
  return { first: first - pad, last: last + pad };
}

export function itemDescription(item) {
  const kind = KIND_LABEL[item.kind] || item.kind;
  const when = `${item.start || '?'} – ${item.end || 'tills vidare'}`;
  const rate = item.rate !== null && item.rate !== undefined && item.rate !== 100 ? `, ${String(item.rate).replace('.', ',')} %` : '';
  return `${kind}: ${item.label || ''}, ${when}${rate}, ${STATE_LABEL[item.state] || item.state}`;
}

// Full timeline (compact = false) or one small row for the overview table.
// `width`: the drawing's width in CSS pixels (so its text keeps its size).
export function renderTimeline(facts, { compact = false, range = null, width = 1000 } = {}) {
  const span = range || extent(facts);
  const left = compact ? 0 : 110;
  const rowH = compact ? 14 : 26;
  const top = compact ? 2 : 24;
  const rows = compact ? [{ key: 'all', kinds: [] }] : ROWS;
  const height = top + rows.length * rowH + (compact ? 2 : 34);
  const name = compact ? `Tidslinje för ${facts.name || facts.id}` : 'Tidslinje';
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: compact ? 'timeline compact' : 'timeline',
    role: 'img', 'aria-label': `${name}: ${summary(facts)}`, preserveAspectRatio: compact ? 'none' : null,
  });
  if (!span) {
    svg.append(s('text', { x: 10, y: top + 14, class: 'tl-empty', text: 'Inga daterade perioder ännu.' }));
    return svg;
  }
  const x = (day) => left + ((day - span.first) / (span.last - span.first)) * (width - left - 10);
  if (!compact) {
    rows.forEach((row, i) => {
      const y = top + i * rowH;
      svg.append(s('rect', { x: left, y, width: width - left - 10, height: rowH, class: i % 2 ? 'tl-band odd' : 'tl-band' }));
      svg.append(s('text', { x: left - 8, y: y + rowH / 2 + 5, 'text-anchor': 'end', class: 'tl-row-label', text: row.label }));
    });
    const firstYear = Number(fromDayNumber(span.first).slice(0, 4)) + 1;
    const lastYear = Number(fromDayNumber(span.last).slice(0, 4));
    const step = lastYear - firstYear > 12 ? 2 : 1;
    for (let year = firstYear; year <= lastYear; year += step) {
      const xx = x(dayNumber(`${year}-01-01`));
      svg.append(s('line', { x1: xx, x2: xx, y1: top, y2: top + rows.length * rowH, class: 'tl-year' }));
      svg.append(s('text', { x: xx, y: top + rows.length * rowH + 16, 'text-anchor': 'middle', class: 'tl-year-label', text: String(year) }));
    }
  }
  for (const item of facts.timeline || []) {
    if (!isDate(item.start)) continue;
    const row = compact ? 0 : ROWS.indexOf(rowOf(item.kind));
    const startDay = dayNumber(item.start);
    const endDay = isDate(item.end) ? dayNumber(item.end) + 1 : Math.max(startDay + 30, span.last);
    const y = top + row * rowH + (compact ? 1 : 4);
    const hgt = rowH - (compact ? 2 : 8);
    const bar = s('rect', {
      x: x(startDay), y, width: Math.max(2, x(endDay) - x(startDay)), height: hgt, rx: compact ? 1 : 3,
      class: `tl-bar kind-${item.kind} state-${item.state}`, dataset: { path: item.path || '' },
    }, s('title', { text: itemDescription(item) }));
    svg.append(bar);
  }
  const asOfY2 = top + rows.length * rowH;
  if (isDate(facts.as_of)) {
    const xx = x(dayNumber(facts.as_of));
    svg.append(s('line', { x1: xx, x2: xx, y1: compact ? 0 : top - 6, y2: asOfY2 + (compact ? 2 : 4), class: 'tl-asof' }, s('title', { text: `Per ${facts.as_of}` })));
    if (!compact) svg.append(s('text', { x: xx, y: top - 9, 'text-anchor': anchorFor(xx, width), class: 'tl-asof-label', text: `Per ${facts.as_of}` }));
  }
  if (isDate(facts.earliest_completion)) {
    const xx = x(dayNumber(facts.earliest_completion));
    const my = compact ? height / 2 : asOfY2 + 4;
    svg.append(s('path', { d: `M${xx} ${my - 6} l6 6 l-6 6 l-6 -6 z`, class: 'tl-completion' }, s('title', { text: `Tidigast klar ${facts.earliest_completion}` })));
    if (!compact) svg.append(s('text', { x: xx, y: asOfY2 + 30, 'text-anchor': anchorFor(xx, width), class: 'tl-completion-label', text: `Tidigast klar ${facts.earliest_completion}` }));
  }
  return svg;
}

function anchorFor(xx, width) {
  if (xx > width - 140) return 'end';
  if (xx < 240) return 'start';
  return 'middle';
}

function summary(facts) {
  const items = facts.timeline || [];
  const parts = [`${items.length} perioder`];
  if (facts.as_of) parts.push(`per ${facts.as_of}`);
  parts.push(facts.earliest_completion ? `tidigast klar ${facts.earliest_completion}` : 'tidigast klar: kan inte beräknas ännu');
  return parts.join(', ');
}

// A common range for many compact rows, so their bars line up.
export function commonRange(factsList) {
  let first = Infinity;
  let last = -Infinity;
  for (const f of factsList) {
    const e = extent(f);
    if (!e) continue;
    first = Math.min(first, e.first);
    last = Math.max(last, e.last);
  }
  return Number.isFinite(first) ? { first, last } : null;
}
