// The studierektor's overview: /api/check's facts per trainee as a table, most at risk first,
// sortable by any column (aria-sort), filterable, one timeline row per trainee; a selection
// can be printed as handlingsplaner or as the print pack.

import { h, clear } from './dom.js';
import { store, on, runCheck } from './store.js';
import { api } from './api.js';
import { renderTimeline, commonRange } from './timeline.js';
import { riskLabel, riskRank, riskClass } from './risk.js';
import { months, isDate } from './dates.js';
import { showPdf, downloadZip, previewDialog } from './documents.js';

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

function missing(facts) {
  return (facts.delmal || []).filter((d) => d.state === 'missing').map((d) => d.code);
}

const COLUMNS = [
  { key: 'name', label: 'Namn', value: (f) => f.name || f.id, compare: (a, b) => collator.compare(a, b) },
  { key: 'specialty', label: 'Specialitet', value: (f) => f.specialty || '', compare: (a, b) => collator.compare(a, b) },
  { key: 'earliest', label: 'Tidigast klar', value: (f) => (isDate(f.earliest_completion) ? f.earliest_completion : '9999'), compare: (a, b) => a.localeCompare(b) },
  { key: 'months', label: 'Fullgjort (mån)', value: (f) => (f.months_required ? f.months_done / f.months_required : 0), compare: (a, b) => a - b },
  { key: 'risk', label: 'Risk', value: (f) => riskRank(f), compare: (a, b) => a - b, firstDirection: 'descending' },
  { key: 'missing', label: 'Delmål som saknas', value: (f) => missing(f).length, compare: (a, b) => a - b, firstDirection: 'descending' },
];

export function showCohortView(main, { openTrainee }) {
  const state = { sortKey: 'risk', direction: 'descending', filter: '', selected: new Set() };
  const status = h('p', { class: 'doc-status', role: 'status' });
  const preview = previewDialog();
  const planList = h('ul', { class: 'plan-list', 'aria-label': 'Handlingsplaner' });
  const filterInput = h('input', { id: 'filter', type: 'search', autocomplete: 'off' });
  const count = h('p', { class: 'count', id: 'cohort-count', 'aria-live': 'polite' });
  const headRow = h('tr');
  const body = h('tbody');
  const table = h('table', { class: 'overview', id: 'overview' },
    h('caption', { text: 'ST-läkare, den mest försenade först. Klicka på en kolumnrubrik för att sortera.' }),
    h('thead', {}, headRow), body);
  const printPlans = h('button', { type: 'button', text: 'Skriv ut handlingsplan', onclick: () => printActionPlans() });
  const printPack = h('button', { type: 'button', text: 'Utskriftspaket', onclick: () => downloadPack() });
  const selectedCount = h('span', { class: 'selected-count', 'aria-live': 'polite' });

  clear(main).append(
    h('h1', { text: 'Översikt' }),
    h('div', { class: 'overview-tools' },
      h('div', { class: 'field' }, h('label', { for: 'filter', text: 'Filtrera på namn, id eller specialitet' }), filterInput),
      h('div', { class: 'selection-actions' }, selectedCount, printPlans, printPack)),
    count, status, planList, preview, h('div', { class: 'table-scroll' }, table));

  filterInput.addEventListener('input', () => { state.filter = filterInput.value.trim(); renderBody(); });

  const renderHead = () => {
    clear(headRow);
    headRow.append(h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Välj' })));
    for (const col of COLUMNS) {
      const sorted = state.sortKey === col.key;
      const th = h('th', { scope: 'col', 'aria-sort': sorted ? state.direction : 'none' },
        h('button', {
          type: 'button', class: 'sort', dataset: { key: col.key },
          onclick: () => {
            if (state.sortKey === col.key) state.direction = state.direction === 'ascending' ? 'descending' : 'ascending';
            else { state.sortKey = col.key; state.direction = col.firstDirection || 'ascending'; }
            renderHead(); renderBody();
            headRow.querySelector(`button[data-key="${col.key}"]`).focus();
          },
        }, col.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true', text: sorted ? (state.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕' })));
      headRow.append(th);
    }
    headRow.append(h('th', { scope: 'col', text: 'Tidslinje' }));
  };

  const rows = () => {
    const col = COLUMNS.find((c) => c.key === state.sortKey);
    const needle = state.filter.toLocaleLowerCase('sv');
    const list = store.check.trainees.filter((f) => !needle || [f.name, f.id, f.specialty].some((v) => (v || '').toLocaleLowerCase('sv').includes(needle)));
    const sign = state.direction === 'ascending' ? 1 : -1;
    return list.sort((a, b) => sign * col.compare(col.value(a), col.value(b)) || collator.compare(a.name || '', b.name || ''));
  };

  const renderBody = () => {
    const list = rows();
    const range = commonRange(store.check.trainees);
    clear(body);
    for (const f of list) {
      const check = h('input', {
        type: 'checkbox', checked: state.selected.has(f.id), 'aria-label': `Välj ${f.name || f.id}`,
        onchange: () => { if (check.checked) state.selected.add(f.id); else state.selected.delete(f.id); renderSelection(); },
      });
      const miss = missing(f);
      body.append(h('tr', { class: riskClass(f), dataset: { id: f.id } },
        h('td', { class: 'select' }, check),
        h('th', { scope: 'row' }, h('a', { href: `#/st/${encodeURIComponent(f.id)}`, text: f.name || f.id, onclick: (e) => { e.preventDefault(); openTrainee(f.id); } }), h('span', { class: 'trainee-id', text: f.id })),
        h('td', { text: f.specialty || '–' }),
        h('td', { class: 'date', text: f.earliest_completion || '–' }),
        h('td', { class: 'num', text: `${months(f.months_done)} / ${months(f.months_required)}` }),
        h('td', { class: 'risk' }, h('span', { class: `risk-badge ${riskClass(f)}`, text: riskLabel(f) })),
        h('td', { class: 'missing' }, miss.length ? `${miss.length}: ${miss.slice(0, 6).join(' ')}${miss.length > 6 ? ' …' : ''}` : '0'),
        h('td', { class: 'timeline-cell' }, renderTimeline(f, { compact: true, range }))));
    }
    if (!list.length) body.append(h('tr', {}, h('td', { colspan: COLUMNS.length + 2, text: store.check.trainees.length ? 'Ingen ST-läkare matchar filtret.' : 'Läser in …' })));
    count.textContent = `${list.length} av ${store.check.trainees.length} ST-läkare visas.`;
    document.body.dataset.checkSeq = String(store.checkSeq);
  };

  const renderSelection = () => {
    const n = state.selected.size;
    selectedCount.textContent = n ? `${n} valda` : 'Välj ST-läkare i tabellen';
    printPlans.disabled = !n;
    printPack.disabled = !n;
  };

  async function printActionPlans() {
    const ids = [...state.selected];
    status.textContent = 'Letar efter handlingsplaner …';
    const plans = [];
    for (const id of ids) {
      try {
        const { documents } = await api('/api/documents', { method: 'POST', body: { records: store.records, trainee: id } });
        for (const d of documents || []) if (d.id.startsWith('handlingsplan') && d.state !== 'held-back') plans.push({ id, doc: d });
      } catch (err) {
        status.textContent = `Kunde inte läsa dokumenten för ${id}: ${err.message}`;
        return;
      }
    }
    if (!plans.length) { status.textContent = 'De valda ST-läkarna har ingen handlingsplan.'; return; }
    const open = async ({ id, doc }) => {
      try {
        const blob = await api('/api/preview', { method: 'POST', body: { records: store.records, trainee: id, document: doc.id }, as: 'blob' });
        showPdf(preview, blob, `${doc.title} – ${nameOf(id)}`);
      } catch (err) { status.textContent = `Kunde inte skapa handlingsplanen: ${err.message}`; }
    };
    status.textContent = plans.length === 1 ? 'Handlingsplanen visas i förhandsgranskningen; skriv ut den därifrån.' : `${plans.length} handlingsplaner: öppna var och en och skriv ut den därifrån.`;
    clear(planList);
    if (plans.length > 1) {
      planList.append(...plans.map((p) => h('li', {}, h('button', { type: 'button', text: `${nameOf(p.id)}: ${p.doc.title}`, onclick: () => open(p) }))));
      planList.querySelector('button').focus();
    } else {
      await open(plans[0]);
    }
  }

  function downloadPack() {
    return downloadZip(status, { trainees: [...state.selected], pack: 'print' }, 'utskriftspaket.zip');
  }

  const nameOf = (id) => (store.check.trainees.find((f) => f.id === id) || {}).name || id;

  renderHead();
  renderBody();
  renderSelection();
  const off = on('check', () => { for (const id of [...state.selected]) if (!store.check.trainees.some((f) => f.id === id)) state.selected.delete(id); renderBody(); renderSelection(); });
  if (!store.check.trainees.length) runCheck();
  return () => off();
}
