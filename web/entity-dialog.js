// "Lägg till person …" / "Lägg till enhet …": a modal <dialog> that adds a <person> or <unit>
// to the file on the spot and answers with its new id (null when cancelled).

import { h, clear, uid } from './dom.js';
import { store } from './store.js';
import { slug, freeId } from './records.js';

const FORMS = {
  person: {
    title: 'Lägg till person',
    fields: [['given-name', 'Förnamn', true], ['family-name', 'Efternamn', true], ['title', 'Titel', false], ['specialty', 'Specialitet', false]],
    idFrom: (v) => `${v['given-name']} ${v['family-name']}`,
  },
  unit: {
    title: 'Lägg till enhet',
    fields: [['name', 'Namn', true], ['kind', 'Typ av enhet', false], ['town', 'Ort', false]],
    idFrom: (v) => v.name,
  },
};

export function addEntity(kind, returnFocusTo) {
  const spec = FORMS[kind];
  const dialog = document.getElementById('add-dialog');
  clear(dialog);
  const inputs = {};
  const error = h('p', { class: 'dialog-error', id: uid('dlgfel'), role: 'alert' });
  const form = h('form', { method: 'dialog', novalidate: true });
  form.append(h('h2', { id: 'add-dialog-title', text: spec.title }));
  for (const [name, label, required] of spec.fields) {
    const id = uid('dlg');
    inputs[name] = h('input', { id, type: 'text', autocomplete: 'off', 'aria-required': required ? 'true' : null });
    form.append(h('div', { class: 'field' }, h('label', { for: id }, label, required ? ' *' : ''), inputs[name]));
  }
  form.append(error);
  const ok = h('button', { type: 'submit', class: 'primary', value: 'ok', text: 'Lägg till' });
  const cancel = h('button', { type: 'button', text: 'Avbryt' });
  form.append(h('div', { class: 'dialog-buttons' }, ok, cancel));
  dialog.append(form);

  return new Promise((resolve) => {
    let result = null;
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', (event) => {
      const values = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()]));
      const missing = spec.fields.filter(([name, , required]) => required && !values[name]);
      if (missing.length) {
        event.preventDefault();
        error.textContent = `Fyll i ${missing.map(([, label]) => label.toLowerCase()).join(' och ')}.`;
        inputs[missing[0][0]].focus();
        return;
      }
      const element = { '@id': freeId(store.records, slug(spec.idFrom(values))) };
      for (const [k, v] of Object.entries(values)) if (v) element[`@${k}`] = v;
      if (!Array.isArray(store.records[kind])) store.records[kind] = [];
      store.records[kind].push(element);
      result = element['@id'];
    });
    dialog.addEventListener('close', () => {
      if (returnFocusTo && returnFocusTo.isConnected) returnFocusTo.focus();
      resolve(result);
    }, { once: true });
    dialog.showModal();
    inputs[spec.fields[0][0]].focus();
  });
}
