// Starts the app: reads the token, the session and the records, then shows the view the
// address names: #/oversikt (the studierektor's overview) or #/st/ID (one trainee).

import { h, clear } from './dom.js';
import { initToken, api, downloadBlob } from './api.js';
import { store, on, edited } from './store.js';
import { list, attr, traineeName, freeId } from './records.js';
import { showTraineeView } from './trainee-view.js';
import { showCohortView } from './cohort-view.js';
import { showRegisterView } from './register-view.js';

const main = document.getElementById('innehall');
const nav = document.getElementById('app-nav');
const messages = document.getElementById('messages');
const saveState = document.getElementById('save-state');
let detach = null;

// A message at the top of the page, with optional action buttons; kept until closed.
function message(text, { kind = 'error', actions = [], id = null } = {}) {
  if (id) document.getElementById(id)?.remove();
  const box = h('div', { class: `message ${kind}`, id });
  const close = h('button', { type: 'button', class: 'link', text: 'Stäng', onclick: () => box.remove() });
  box.append(h('p', { text }), h('div', { class: 'message-actions' }, actions.map(([label, fn]) => h('button', { type: 'button', text: label, onclick: () => { box.remove(); fn(); } })), close));
  messages.append(box);
  return box;
}

function showSaveState() {
  saveState.textContent = store.dirty ? 'Ändringar ej sparade' : (store.version === 'new' ? 'Ny fil, inte sparad' : 'Sparat');
  saveState.className = `save-state ${store.dirty ? 'dirty' : 'clean'}`;
}

async function save(overwriteVersion = null) {
  const button = document.getElementById('save-button');
  button.disabled = true;
  try {
    const result = await api('/api/save', { method: 'POST', body: { version: overwriteVersion || store.version, records: store.records } });
    store.version = result.version;
    store.dirty = false;
    document.getElementById('konflikt')?.remove();
    message('Sparat.', { kind: 'ok', id: 'sparat' });
    setTimeout(() => document.getElementById('sparat')?.remove(), 4000);
  } catch (err) {
    if (err.status === 409) {
      const current = err.body && err.body.version;
      message('Filen har sparats från en annan flik eller ett annat fönster sedan du öppnade den, så den sparades inte härifrån. Dina ändringar finns kvar på sidan. Spara ändå för att skriva över den andra versionen (den sparas som .bak), eller läs in den sparade versionen (dina ändringar här försvinner).', {
        id: 'konflikt',
        actions: [
          ['Spara ändå', () => save(current)],
          ['Läs in den sparade versionen', () => reload()],
        ],
      });
    } else {
      message(`Kunde inte spara: ${err.message}`);
    }
  } finally {
    button.disabled = false;
    showSaveState();
  }
}

async function downloadXml() {
  try {
    const blob = await api('/api/download', { as: 'blob' });
    downloadBlob(blob, store.session.file || 'stdok-records.xml');
    if (store.dirty) message('Filen som laddades ner är den senast sparade; spara först för att få med ändringarna.', { kind: 'info', id: 'ladda-ner' });
  } catch (err) {
    message(err.status === 404 ? 'Filen är inte sparad ännu. Spara först.' : `Kunde inte ladda ner filen: ${err.message}`);
  }
}

function trainees() {
  return list(store.records, 'trainee');
}

function renderNav(currentId) {
  clear(nav);
  const ts = trainees();
  if (ts.length > 1) {
    nav.append(h('a', { href: '#/oversikt', class: 'nav-link', 'aria-current': currentId === null ? 'page' : null, text: 'Översikt' }));
  }
  if (ts.length) {
    const select = h('select', { id: 'trainee-select' }, ts.map((t) => h('option', { value: attr(t, 'id'), text: `${traineeName(t)} (${attr(t, 'id')})` })));
    if (currentId === null) select.prepend(h('option', { value: '', text: '— välj —' }));
    select.value = currentId ?? '';
    select.addEventListener('change', () => { if (select.value) location.hash = `#/st/${encodeURIComponent(select.value)}`; });
    nav.append(h('label', { for: 'trainee-select', class: 'nav-label', text: 'ST-läkare' }), select);
  }
  nav.append(h('a', { href: '#/register', class: 'nav-link', 'aria-current': location.hash === '#/register' ? 'page' : null, text: 'Enheter och personer' }));
  nav.append(h('button', { type: 'button', text: 'Ny ST-läkare', onclick: createTrainee }));
}

function createTrainee() {
  if (!Array.isArray(store.records.trainee)) store.records.trainee = [];
  const id = freeId(store.records, `ST-${store.records.trainee.length + 1}`);
  store.records.trainee.push({ '@id': id, name: [{}], programme: [{}] });
  edited();
  location.hash = `#/st/${encodeURIComponent(id)}`;
}

function route() {
  if (detach) { detach(); detach = null; }
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  const ts = trainees();
  if (hash === 'register') {
    renderNav(null);
    document.title = 'Region, enheter och personer – stdok';
    detach = showRegisterView(main);
    return;
  }
  let index = -1;
  if (hash.startsWith('st/')) index = ts.findIndex((t) => attr(t, 'id') === hash.slice(3));
  if (index < 0 && hash !== 'oversikt' && ts.length === 1) index = 0;
  if (index >= 0) {
    renderNav(attr(ts[index], 'id'));
    detach = showTraineeView(main, index, {
      onIdChange: (v) => { history.replaceState(null, '', `#/st/${encodeURIComponent(v)}`); renderNav(v); },
      onNameChange: () => renderNav(attr(trainees()[index], 'id')),
    });
    return;
  }
  renderNav(null);
  if (ts.length > 1) {
    document.title = 'Översikt – stdok';
    detach = showCohortView(main, { openTrainee: (id) => { location.hash = `#/st/${encodeURIComponent(id)}`; } });
    return;
  }
  document.title = 'Ny ST-läkare – stdok';
  clear(main).append(h('h1', { text: 'Ingen ST-läkare i filen ännu' }),
    h('p', { text: 'Börja med att skapa en ST- eller BT-läkare. Uppgifterna sparas i filen när du trycker på Spara.' }),
    h('button', { type: 'button', class: 'primary', text: 'Skapa ny ST-läkare', onclick: createTrainee }));
}

async function reload() {
  const { version, records } = await api('/api/records');
  store.records = records || {};
  store.version = version;
  store.dirty = false;
  showSaveState();
  route();
}

async function start() {
  if (!initToken()) {
    clear(main).append(h('h1', { text: 'Ingen nyckel' }), h('p', { text: 'Öppna adressen som stdok serve skrev ut (den slutar med ?t=…).' }));
    return;
  }
  try {
    store.session = await api('/api/session');
    document.getElementById('file-name').textContent = store.session.file || 'ny fil';
    try { store.vocabulary = await api('/api/vocabulary'); } catch { store.vocabulary = null; }
    await reload();
  } catch (err) {
    clear(main).append(h('h1', { text: 'Kunde inte starta' }), h('p', { text: err.message }));
    return;
  }
  document.getElementById('save-button').addEventListener('click', () => save());
  document.getElementById('download-xml').addEventListener('click', downloadXml);
  window.addEventListener('hashchange', route);
  window.addEventListener('beforeunload', (event) => { if (store.dirty) event.preventDefault(); });
  on('dirty', showSaveState);
  on('error', (err) => message(`Kontrollen misslyckades: ${err.message}`, { id: 'kontrollfel' }));
  on('check', () => document.getElementById('kontrollfel')?.remove());
}

start();
