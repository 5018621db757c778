// The documents the record gives (POST /api/documents), each with its state and why it is held
// back; "Förhandsgranska" shows the PDF (POST /api/preview) in the page through a blob URL,
// "Ladda ner alla" fetches the ZIP (POST /api/zip) with render's folder layout and manifest.

import { h, clear } from './dom.js';
import { api, downloadBlob } from './api.js';
import { store } from './store.js';
import { slug } from './records.js';

const KIND = { contract: 'Kontrakt', certificate: 'Intyg', plan: 'Plan' };
const STATE = { ready: 'Klar', 'held-back': 'Hålls inne', draft: 'Utkast' };

let previewUrl = null;

// Shows `blob` (a PDF) in `frame` (a container); `title` names the frame.
export function showPdf(container, blob, title) {
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(blob);
  clear(container);
  const close = h('button', { type: 'button', text: 'Stäng förhandsgranskningen', onclick: () => { clear(container); container.hidden = true; } });
  const open = h('a', { href: previewUrl, target: '_blank', rel: 'noopener', text: 'Öppna i ny flik' });
  container.append(h('div', { class: 'preview-bar' }, h('h3', { id: 'forhandsgranskning-rubrik', tabindex: '-1', text: title }), open, close),
    h('iframe', { class: 'pdf-frame', src: previewUrl, title: `Förhandsgranskning: ${title}` }));
  container.hidden = false;
  container.querySelector('h3').focus();
}

export async function previewDocument(container, status, traineeId, doc) {
  status.textContent = `Skapar ${doc.title} …`;
  try {
    const blob = await api('/api/preview', { method: 'POST', body: { records: store.records, trainee: traineeId, document: doc.id }, as: 'blob' });
    status.textContent = '';
    showPdf(container, blob, doc.title);
  } catch (err) {
    status.textContent = `Kunde inte förhandsgranska ${doc.title}: ${err.message}`;
  }
}

export async function downloadZip(status, body, filename) {
  status.textContent = 'Skapar ZIP-fil …';
  try {
    const blob = await api('/api/zip', { method: 'POST', body: { records: store.records, ...body }, as: 'blob' });
    downloadBlob(blob, filename);
    status.textContent = `${filename} har laddats ner.`;
  } catch (err) {
    status.textContent = `Kunde inte skapa ZIP-filen: ${err.message}`;
  }
}

// Fills `panel` with the trainee's documents.
export async function renderDocuments(panel, traineeId, traineeName) {
  const status = h('p', { class: 'doc-status', role: 'status' });
  const preview = h('div', { class: 'preview', hidden: true });
  const all = h('button', {
    type: 'button', text: 'Ladda ner alla (ZIP)',
    onclick: () => downloadZip(status, { trainees: [traineeId], pack: 'all' }, `${slug(traineeName)}-dokument.zip`),
  });
  const body = h('tbody');
  const table = h('table', { class: 'documents' },
    h('caption', { class: 'visually-hidden', text: 'Dokument' }),
    h('thead', {}, h('tr', {}, ['Dokument', 'Typ', 'Status', 'Varför', ''].map((t) => h('th', { scope: 'col', text: t })))), body);
  clear(panel).append(h('div', { class: 'doc-actions' }, all), status, table, preview);
  let documents;
  try {
    documents = (await api('/api/documents', { method: 'POST', body: { records: store.records, trainee: traineeId } })).documents || [];
  } catch (err) {
    status.textContent = `Kunde inte lista dokumenten: ${err.message}`;
    return;
  }
  for (const doc of documents) {
    const button = h('button', {
      type: 'button', text: 'Förhandsgranska', 'aria-label': `Förhandsgranska ${doc.title}`,
      onclick: () => previewDocument(preview, status, traineeId, doc),
    });
    body.append(h('tr', { class: `doc-state-${doc.state}` },
      h('th', { scope: 'row', text: doc.title }),
      h('td', { text: KIND[doc.kind] || doc.kind }),
      h('td', { class: 'doc-state', text: STATE[doc.state] || doc.state }),
      h('td', { text: doc.reason || '' }),
      h('td', {}, doc.state === 'held-back' ? null : button)));
  }
  if (!documents.length) body.append(h('tr', {}, h('td', { colspan: 5, text: 'Inga dokument ännu.' })));
}
