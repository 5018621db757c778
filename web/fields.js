// One form field bound to one value of the records JSON: a real <label>, the control, a hint,
// and a slot where findings about that value (by JSON pointer) are shown and announced through
// aria-describedby.
//
// A field definition: {name, label, type, hint?, options?, required?, child?, onChange?}
//   type: text | date | percent | number | select | unit | person | flag | textarea | codes
//   name: the attribute ("start"); "#text" for the element's own text
//   child: the text of a child element ("expectations") instead of an attribute

import { h, uid } from './dom.js';
import { attr, setAttr, text, setText, pointer, list, personName, child as childOf } from './records.js';
import { store, edited } from './store.js';

export const NEW_VALUE = '__ny__';

// Where findings go: JSON pointer → {control, slot}; containers (a whole placement) too.
export class FieldRegistry {
  constructor() { this.byPath = new Map(); }
  register(path, entry) { this.byPath.set(path, entry); }
  get(path) { return this.byPath.get(path); }
}

function fieldPath(base, def) {
  if (def.child) return `${base}${pointer(def.child, 0, '#text')}`;
  if (def.name === '#text') return `${base}/#text`;
  return `${base}${pointer(`@${def.name}`)}`;
}

// Element text as the records reader reads it: the XML file's indentation removed, lines kept.
function tidyText(value) {
  return value.split('\n').map((line) => line.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function readValue(obj, def) {
  if (!obj) return '';
  if (def.child) return tidyText(text(childOf(obj, def.child)));
  if (def.name === '#text') return tidyText(text(obj));
  return attr(obj, def.name);
}

function writeValue(obj, def, value) {
  if (def.child) {
    if (value === '') delete obj[def.child];
    else setText(childOf(obj, def.child, true), value);
  } else if (def.name === '#text') setText(obj, value);
  else setAttr(obj, def.name, value);
}

export function unitOptions() {
  return list(store.records, 'unit').map((u) => [attr(u, 'id'), attr(u, 'name') || attr(u, 'id')]);
}

export function personOptions() {
  return list(store.records, 'person').map((p) => {
    const title = attr(p, 'title');
    return [attr(p, 'id'), title ? `${personName(p)}, ${title}` : personName(p)];
  });
}

function selectControl(id, def, value) {
  let options = def.options || [];
  if (def.type === 'unit') options = unitOptions();
  if (def.type === 'person') options = personOptions();
  const select = h('select', { id });
  select.append(h('option', { value: '', text: def.required ? '— välj —' : '— ingen —' }));
  let found = value === '';
  for (const [v, label] of options) {
    select.append(h('option', { value: v, text: label }));
    if (v === value) found = true;
  }
  if (!found) select.append(h('option', { value, text: `${value} (finns inte i listan)` }));
  if (def.type === 'unit') select.append(h('option', { value: NEW_VALUE, text: 'Lägg till enhet …' }));
  if (def.type === 'person') select.append(h('option', { value: NEW_VALUE, text: 'Lägg till person …' }));
  select.value = value;
  return select;
}

// Where a field's value lives: an element that exists, or a single child element that is made
// on the first edit and removed again when it holds nothing (so an untouched form adds no
// empty <contact/> or <personnummer/>).
export function fixed(obj) {
  return { get: () => obj, ensure: () => obj, prune() {} };
}

export function single(parent, tag) {
  return {
    get: () => childOf(parent, tag),
    ensure: () => childOf(parent, tag, true),
    prune() {
      const el = childOf(parent, tag);
      if (el && Object.keys(el).length === 0) delete parent[tag];
    },
  };
}

// Renders the field; `ctx` = {registry, addEntity(kind, control) → Promise<id|null>};
// `target` from fixed() or single().
export function field(ctx, target, base, def) {
  const id = uid('falt');
  const path = fieldPath(base, def);
  const value = readValue(target.get(), def);
  const slot = h('div', { class: 'field-findings', id: `${id}-fynd`, hidden: true });
  const hintId = def.hint ? `${id}-tips` : null;
  let control;
  switch (def.type) {
    case 'textarea':
      control = h('textarea', { id, rows: 3, value });
      break;
    case 'date':
      control = h('input', { id, type: 'date', value, min: '1950-01-01', max: '2199-12-31' });
      break;
    case 'flag':
      control = h('input', { id, type: 'checkbox', checked: ['yes', 'true', 'ja'].includes(value) });
      break;
    case 'select': case 'unit': case 'person':
      if (def.type === 'select' && !(def.options || []).length) {
        control = h('input', { id, type: 'text', value, autocomplete: 'off' });
      } else {
        control = selectControl(id, def, value);
      }
      break;
    case 'percent':
      control = h('input', { id, type: 'text', inputmode: 'decimal', value, size: 6, autocomplete: 'off' });
      break;
    case 'number':
      control = h('input', { id, type: 'text', inputmode: 'decimal', value, size: 6, autocomplete: 'off' });
      break;
    default:
      control = h('input', { id, type: 'text', value, autocomplete: def.autocomplete || 'off', spellcheck: def.type === 'codes' ? 'false' : null });
  }
  control.dataset.path = path;
  if (def.required) control.setAttribute('aria-required', 'true');
  const describedBy = [hintId].filter(Boolean);
  if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
  control.dataset.describedBase = describedBy.join(' ');

  const commit = (v) => {
    writeValue(target.ensure(), def, v);
    target.prune();
    edited();
    if (def.onChange) def.onChange(v);
  };
  if (def.type === 'flag') {
    control.addEventListener('change', () => commit(control.checked ? 'yes' : ''));
  } else if (control.tagName === 'SELECT') {
    let previous = value;
    control.addEventListener('change', async () => {
      if (control.value !== NEW_VALUE) { previous = control.value; commit(control.value); return; }
      const created = await ctx.addEntity(def.type, control);
      if (created) { commit(created); edited({ structural: true }); } else { control.value = previous; }
    });
  } else {
    control.addEventListener('input', () => commit(def.type === 'textarea' ? control.value : control.value.trim() === '' ? '' : control.value));
  }

  const label = h('label', { for: id }, def.label, def.required ? h('span', { class: 'required', 'aria-hidden': 'true', text: ' *' }) : null);
  const wrapper = h('div', { class: `field field-${def.type || 'text'}${def.wide ? ' wide' : ''}` });
  if (def.type === 'flag') wrapper.append(control, label);
  else wrapper.append(label, control);
  if (def.hint) wrapper.append(h('p', { class: 'hint', id: hintId, text: def.hint }));
  wrapper.append(slot);
  ctx.registry.register(path, { control, slot, wrapper });
  return wrapper;
}
