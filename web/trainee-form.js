// The trainee's forms: single elements (name, programme, roles …) and repeated ones
// (placements, courses …) with "Lägg till" and "Ta bort", plus the file's units and people.

import { h, uid } from './dom.js';
import { list, pointer, attr } from './records.js';
import { field, fixed, single } from './fields.js';
import { traineeSections, traineeLists, fileSections } from './sections.js';
import { edited } from './store.js';

function fieldGrid(ctx, target, base, fields) {
  return h('div', { class: 'field-grid' }, fields.map((def) => field(ctx, target, base, def)));
}

// A repeated element: a fieldset per item with its own remove button.
function listSection(ctx, parentTarget, parentBase, spec, headingLevel) {
  const headingId = uid('rubrik');
  const items = list(parentTarget.get(), spec.tag);
  const container = h('div', { class: 'item-list' });
  const base = (i) => `${parentBase}${pointer(spec.tag, i)}`;
  items.forEach((item, i) => {
    const legend = h('legend', { text: `${spec.item} ${i + 1}${itemSummary(item)}` });
    const remove = h('button', {
      type: 'button', class: 'remove', text: 'Ta bort',
      'aria-label': `Ta bort ${spec.item.toLowerCase()} ${i + 1}`,
      onclick: () => {
        items.splice(i, 1);
        const parent = parentTarget.get();
        if (!items.length) delete parent[spec.tag];
        parentTarget.prune();
        ctx.focusAfterRender = `add:${spec.tag}`;
        edited({ structural: true });
      },
    });
    const fieldset = h('fieldset', { class: 'item' }, legend, fieldGrid(ctx, fixed(item), base(i), spec.fields), h('div', { class: 'item-actions' }, remove));
    const slot = h('div', { class: 'field-findings item-findings', id: uid('fynd'), hidden: true });
    fieldset.insertBefore(slot, fieldset.children[1]);
    ctx.registry.register(base(i), { control: fieldset, slot, wrapper: fieldset });
    container.append(fieldset);
  });
  const add = h('button', {
    type: 'button', class: 'add', text: spec.add, dataset: { focusKey: `add:${spec.tag}` },
    onclick: () => {
      const parent = parentTarget.ensure();
      if (!Array.isArray(parent[spec.tag])) parent[spec.tag] = [];
      parent[spec.tag].push({});
      ctx.focusAfterRender = `first:${base(parent[spec.tag].length - 1)}`;
      edited({ structural: true });
    },
  });
  const heading = h(`h${headingLevel}`, { id: headingId, text: spec.title });
  if (!items.length) container.append(h('p', { class: 'empty', text: 'Inget tillagt ännu.' }));
  return h('section', { class: 'list-section', id: spec.id ? `sektion-${spec.id}` : null, 'aria-labelledby': headingId }, heading, container, add);
}

function itemSummary(item) {
  const start = attr(item, 'start');
  const end = attr(item, 'end');
  const what = attr(item, 'subject') || attr(item, 'name') || attr(item, 'kind') || '';
  const span = start ? ` ${start} – ${end}` : '';
  return what || span ? `: ${[what, span.trim()].filter(Boolean).join(', ')}` : '';
}

function sectionBox(id, title, children) {
  const headingId = `rubrik-${id}`;
  return h('section', { class: 'form-section', id: `sektion-${id}`, 'aria-labelledby': headingId },
    h('h2', { id: headingId, tabindex: '-1', text: title }), children);
}

// Renders the whole form of trainee `index`; `hooks` = {onIdChange, onNameChange}.
export function renderTraineeForm(ctx, records, index, hooks) {
  const trainee = records.trainee[index];
  const tBase = pointer('trainee', index);
  const out = [];
  for (const sec of traineeSections(hooks.onIdChange, hooks.onNameChange)) {
    const parts = sec.parts.map((part) => {
      const target = part.tag ? single(trainee, part.tag) : fixed(trainee);
      const base = part.tag ? `${tBase}${pointer(part.tag, 0)}` : tBase;
      return fieldGrid(ctx, target, base, part.fields);
    });
    const lists = (sec.lists || []).map((spec) => listSection(ctx, single(trainee, spec.parent), `${tBase}${pointer(spec.parent, 0)}`, spec, 3));
    out.push(sectionBox(sec.id, sec.title, [...parts, ...lists]));
  }
  for (const spec of traineeLists()) {
    const section = listSection(ctx, fixed(trainee), tBase, spec, 2);
    section.classList.add('form-section');
    section.querySelector('h2').setAttribute('tabindex', '-1');
    out.push(section);
  }
  ctx.registry.register(tBase, { control: null, slot: null, wrapper: null });
  return out;
}

// Region, units and people: shared by every trainee in the file.
export function renderFileForm(ctx, records) {
  const spec = fileSections();
  const region = fieldGrid(ctx, single(records, 'region'), pointer('region', 0), spec.region);
  const lists = spec.lists.map((l) => listSection(ctx, fixed(records), '', l, 3));
  return sectionBox('enheter-personer', 'Region', [h('p', { class: 'section-note', text: 'Gemensamt för alla ST-läkare i filen. Handledare och enheter väljs sedan i ST-läkarens formulär.' }), region, ...lists]);
}

// The sections, for the form's table of contents.
export function sectionIndex() {
  return [...traineeSections(), ...traineeLists()].map((s) => [s.id, s.title]);
}
