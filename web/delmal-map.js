// The delmål map: every delmål of the trainee's regulation and specialty as a cell with its code,
// its state in words and a symbol, so the state is never told by colour alone.

import { h } from './dom.js';

export const DELMAL_STATES = [
  ['certified', 'Intygat', '✔'],
  ['done', 'Genomfört', '●'],
  ['planned', 'Planerat', '◐'],
  ['missing', 'Saknas', '○'],
];

export function renderDelmalMap(facts) {
  const delmal = (facts && facts.delmal) || [];
  if (!delmal.length) return h('p', { class: 'empty', text: 'Inga delmål att visa (ange utbildningstyp och specialitet).' });
  const counts = Object.fromEntries(DELMAL_STATES.map(([k]) => [k, 0]));
  for (const d of delmal) counts[d.state] = (counts[d.state] || 0) + 1;
  const legend = h('ul', { class: 'delmal-legend' }, DELMAL_STATES.map(([key, label, symbol]) =>
    h('li', { class: `delmal-state-${key}` }, h('span', { class: 'symbol', 'aria-hidden': 'true', text: symbol }), ` ${label}: ${counts[key] || 0}`)));
  const grid = h('ul', { class: 'delmal-grid', 'aria-label': 'Delmål och deras status' }, delmal.map((d) => {
    const [, label, symbol] = DELMAL_STATES.find(([k]) => k === d.state) || [d.state, d.state, '?'];
    return h('li', { class: `delmal-cell delmal-state-${d.state}`, title: d.title || '' },
      h('span', { class: 'code', text: d.code }),
      h('span', { class: 'state' }, h('span', { 'aria-hidden': 'true', text: `${symbol} ` }), label),
      d.title ? h('span', { class: 'visually-hidden', text: `, ${d.title}` }) : null);
  }));
  return h('div', { class: 'delmal-map' }, legend, grid);
}
