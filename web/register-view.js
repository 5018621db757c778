// The file's own records: the region, and every unit and person the trainees refer to. A view
// of its own, because a cohort file holds hundreds of them and the trainee form only needs
// them in its lists.

import { h, clear } from './dom.js';
import { store, on, runCheck } from './store.js';
import { FieldRegistry } from './fields.js';
import { renderFileForm } from './trainee-form.js';
import { addEntity } from './entity-dialog.js';
import { showFindings } from './findings.js';

export function showRegisterView(main) {
  const ctx = { registry: new FieldRegistry(), addEntity, focusAfterRender: null };
  const formBox = h('div', { class: 'forms register-forms' });
  const findingsList = h('ul', { class: 'findings-list', id: 'findings-list' });
  clear(main).append(
    h('h1', { text: 'Region, enheter och personer' }),
    h('div', { class: 'trainee-columns' }, formBox,
      h('aside', { class: 'side-column', 'aria-label': 'Kontroll' },
        h('section', { class: 'panel', 'aria-labelledby': 'fynd-rubrik' }, h('h2', { id: 'fynd-rubrik', text: 'Kontroll' }), findingsList))));
  // Findings about the region, units and people (no trainee).
  const relevant = () => store.check.findings.filter((f) => !f.trainee || (f.path && !f.path.startsWith('/trainee/')));
  const render = () => {
    const focusedPath = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.path : null;
    ctx.registry = new FieldRegistry();
    clear(formBox).append(renderFileForm(ctx, store.records));
    const wanted = ctx.focusAfterRender;
    ctx.focusAfterRender = null;
    let target = null;
    if (wanted && wanted.startsWith('first:')) target = [...formBox.querySelectorAll('[data-path]')].find((el) => el.dataset.path.startsWith(`${wanted.slice(6)}/`));
    else if (wanted && wanted.startsWith('add:')) target = formBox.querySelector(`[data-focus-key="${wanted}"]`);
    else if (focusedPath) target = formBox.querySelector(`[data-path="${CSS.escape(focusedPath)}"]`);
    if (target) { target.focus(); if (wanted) target.scrollIntoView({ block: 'center' }); }
    showFindings(ctx.registry, relevant(), findingsList);
  };
  render();
  const offCheck = on('check', () => { showFindings(ctx.registry, relevant(), findingsList); document.body.dataset.checkSeq = String(store.checkSeq); });
  const offRecords = on('records', render);
  runCheck();
  return () => { offCheck(); offRecords(); };
}
