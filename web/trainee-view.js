// The trainee view: facts and timeline at the top, the forms, and at the side the findings,
// the documents and the delmål map. Re-renders the forms only when the structure changes
// (an item added or removed); typing only updates the records and the findings.

import { h, clear } from './dom.js';
import { store, on, factsFor, runCheck } from './store.js';
import { list, attr, traineeName } from './records.js';
import { FieldRegistry } from './fields.js';
import { renderTraineeForm, sectionIndex } from './trainee-form.js';
import { addEntity } from './entity-dialog.js';
import { showFindings } from './findings.js';
import { renderTimeline } from './timeline.js';
import { renderDelmalMap } from './delmal-map.js';
import { renderDocuments } from './documents.js';
import { months } from './dates.js';
import { riskLabel } from './risk.js';

// Shows trainee `index` in `main`; returns a function that detaches the view's listeners.
export function showTraineeView(main, index, { onIdChange, onNameChange }) {
  const ctx = { registry: new FieldRegistry(), addEntity, focusAfterRender: null };
  const title = h('h1', { id: 'trainee-name' });
  const factsLine = h('dl', { class: 'facts-line', id: 'trainee-facts' });
  const timelineBox = h('div', { class: 'timeline-box', id: 'trainee-timeline' });
  const findingsList = h('ul', { class: 'findings-list', id: 'findings-list' });
  const delmalBox = h('div', { id: 'delmal-map' });
  const docsBox = h('div', { id: 'documents' });
  const formBox = h('div', { class: 'forms', id: 'forms' });
  const toc = h('nav', { class: 'toc', 'aria-label': 'Formulärets delar' }, h('h2', { class: 'toc-title', text: 'Formulär' }),
    h('ul', {}, sectionIndex().map(([id, label]) => h('li', {}, h('button', {
      type: 'button', class: 'link', text: label,
      onclick: () => { const heading = document.getElementById(`rubrik-${id}`) || document.querySelector(`#sektion-${id} h2`); if (heading) { heading.scrollIntoView({ block: 'start' }); heading.focus(); } },
    }))), h('li', {}, h('a', { href: '#/register', text: 'Region, enheter och personer' }))));

  clear(main).append(
    h('div', { class: 'trainee-head' }, title, factsLine),
    h('section', { class: 'panel timeline-panel', 'aria-labelledby': 'tidslinje-rubrik' },
      h('h2', { id: 'tidslinje-rubrik', text: 'Tidslinje' }), timelineBox, timelineLegend()),
    h('div', { class: 'trainee-columns' },
      h('div', { class: 'form-column' }, toc, formBox),
      h('aside', { class: 'side-column', 'aria-label': 'Kontroll, dokument och delmål' },
        h('section', { class: 'panel', 'aria-labelledby': 'fynd-rubrik' }, h('h2', { id: 'fynd-rubrik', text: 'Kontroll' }), findingsList),
        h('section', { class: 'panel', 'aria-labelledby': 'dok-rubrik' }, h('h2', { id: 'dok-rubrik', text: 'Dokument' }), docsBox),
        h('section', { class: 'panel', 'aria-labelledby': 'delmal-rubrik' }, h('h2', { id: 'delmal-rubrik', text: 'Delmål' }), delmalBox))));

  const trainee = () => store.records.trainee[index];
  const id = () => attr(trainee(), 'id');

  const renderHead = () => {
    title.textContent = traineeName(trainee());
    document.title = `${traineeName(trainee())} – stdok`;
  };

  const renderForms = () => {
    const focusedPath = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.path : null;
    ctx.registry = new FieldRegistry();
    const hooks = {
      onIdChange: (v) => { onIdChange(v); },
      onNameChange: () => { renderHead(); onNameChange(); },
    };
    clear(formBox).append(...renderTraineeForm(ctx, store.records, index, hooks),
      h('p', { class: 'section-note' }, 'Handledare, chefer och enheter väljs i listorna ovan eller läggs till där. Alla i filen: ', h('a', { href: '#/register', text: 'Region, enheter och personer' }), '.'));
    const wanted = ctx.focusAfterRender;
    ctx.focusAfterRender = null;
    let target = null;
    if (wanted && wanted.startsWith('first:')) {
      const base = wanted.slice(6);
      target = [...formBox.querySelectorAll('[data-path]')].find((el) => el.dataset.path.startsWith(`${base}/`));
    } else if (wanted && wanted.startsWith('add:')) {
      target = formBox.querySelector(`[data-focus-key="${wanted}"]`);
    } else if (focusedPath) {
      target = formBox.querySelector(`[data-path="${CSS.escape(focusedPath)}"]`);
    }
    if (target) { target.focus(); if (wanted) target.scrollIntoView({ block: 'center' }); }
    showFindings(ctx.registry, relevantFindings(), findingsList);
  };

  const relevantFindings = () => store.check.findings.filter((f) => !f.trainee || f.trainee === id());

  let lastDocsKey = null;
  let docsTimer = null;
  let lastFactsKey = null;
  const renderFacts = () => {
    const facts = factsFor(id());
    // Typing that changes only the findings leaves the facts as they were: keep their drawing.
    const factsKey = JSON.stringify(facts) + timelineBox.clientWidth;
    if (factsKey !== lastFactsKey) {
      lastFactsKey = factsKey;
      clear(factsLine);
      const add = (term, value, cls) => factsLine.append(h('div', { class: cls || null }, h('dt', { text: term }), h('dd', { text: value })));
      if (facts) {
        add('Specialitet', facts.specialty || '–');
        add('Författning', facts.regulation || '–');
        add('Per', facts.as_of || '–');
        add('Fullgjort', `${months(facts.months_done)} av ${months(facts.months_required)} månader`, 'months');
        add('Tidigast klar', facts.earliest_completion || 'kan inte beräknas ännu', 'earliest');
        add('Risk', riskLabel(facts));
      } else {
        add('Status', 'Ingen sammanställning: rätta felen i kontrollen.');
      }
      clear(timelineBox).append(facts ? renderTimeline(facts, { width: Math.max(480, timelineBox.clientWidth || 1000) }) : h('p', { class: 'empty', text: 'Tidslinjen visas när uppgifterna kan läsas.' }));
      clear(delmalBox).append(renderDelmalMap(facts));
    }
    showFindings(ctx.registry, relevantFindings(), findingsList);
    document.body.dataset.checkSeq = String(store.checkSeq);
    // The document list follows the records, but not at every keystroke.
    clearTimeout(docsTimer);
    docsTimer = setTimeout(() => {
      const key = JSON.stringify(store.records.trainee[index] || null) + list(store.records, 'person').length + list(store.records, 'unit').length;
      if (key !== lastDocsKey && !docsBox.querySelector('dialog[open]')) { lastDocsKey = key; renderDocuments(docsBox, id(), traineeName(trainee())); }
    }, lastDocsKey === null ? 0 : 1500);
  };

  renderHead();
  renderForms();
  renderFacts();
  const offCheck = on('check', renderFacts);
  const offRecords = on('records', () => { renderHead(); renderForms(); });
  let resizeTimer = null;
  const onResize = () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(renderFacts, 200); };
  window.addEventListener('resize', onResize);
  runCheck();
  return () => { offCheck(); offRecords(); window.removeEventListener('resize', onResize); clearTimeout(docsTimer); };
}

function timelineLegend() {
  const item = (cls, text) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text);
  return h('ul', { class: 'timeline-legend', 'aria-label': 'Teckenförklaring' },
    item('kind-placement state-done', 'Genomförd tjänstgöring'),
    item('kind-placement state-planned', 'Planerad'),
    item('kind-leave state-done', 'Frånvaro'),
    item('kind-course state-done', 'Kurs'),
    item('asof', 'Datumet som gäller (per)'),
    item('completion', 'Tidigast klar'));
}
