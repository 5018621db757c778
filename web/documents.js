// The documents the record gives (POST /api/documents), each with its state and why it is held
// back; "Förhandsgranska" shows the PDF (POST /api/preview) in the page through a blob URL,
// "Ladda ner alla" fetches the ZIP (POST /api/zip) with render's folder layout and manifest.

import { h, clear } from './dom.js';
import { api, downloadBlob } from './api.js';
import { store } from './store.js';
import { slug } from './records.js';

const KIND = { contract: 'Kontrakt', certificate: 'Intyg', plan: 'Plan' };
const STATE = { ready: 'Klar', 'held-back': 'Hålls inne', draft: 'Utkast', skipped: 'Görs inte', failed: 'Misslyckades' };
const PREVIEWABLE = new Set(['ready', 'draft']);

let previewUrl = null;

// A modal <dialog> for PDF previews (Escape or "Stäng" closes it, focus returns).
export function previewDialog() {
  const dialog = h('dialog', { class: 'preview-dialog', 'aria-labelledby': 'forhandsgranskning-rubrik' });
  dialog.addEventListener('close', () => {
    clear(dialog);
    if (previewUrl) { URL.revokeObjectURL(previewUrl); previewUrl = null; }
  });
  return dialog;
}

// Shows `blob` (a PDF) in `dialog` (from previewDialog) through a blob URL.
export function showPdf(dialog, blob, title) {
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(blob);
  clear(dialog);
  const close = h('button', { type: 'button', class: 'primary', text: 'Stäng', onclick: () => dialog.close() });
  const save = h('a', { href: previewUrl, download: `${slug(title)}.pdf`, text: 'Spara PDF' });
  dialog.append(h('div', { class: 'preview-bar' }, h('h2', { id: 'forhandsgranskning-rubrik', text: title }), save, close),
    h('iframe', { class: 'pdf-frame', src: previewUrl, title: `Förhandsgranskning: ${title}` }));
  if (!dialog.open) dialog.showModal();
  close.focus();
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
  const preview = previewDialog();
  const all = h('button', {
    type: 'button', text: 'Ladda ner alla (ZIP)',
    onclick: () => downloadZip(status, { trainees: [traineeId], pack: 'all' }, `${slug(traineeName)}-dokument.zip`),
  });
  const listEl = h('ul', { class: 'documents', 'aria-label': 'Dokument' });
  clear(panel).append(h('div', { class: 'doc-actions' }, all), status, listEl, preview);
  let documents;
  try {
    documents = (await api('/api/documents', { method: 'POST', body: { records: store.records, trainee: traineeId } })).documents || [];
  } catch (err) {
    status.textContent = `Kunde inte lista dokumenten: ${err.message}`;
    return;
  }
  for (const doc of documents) {
    const title = doc.title || doc.id || 'Dokumenten';
    const button = !PREVIEWABLE.has(doc.state) || !doc.id ? null : h('button', {
      type: 'button', text: 'Förhandsgranska', 'aria-label': `Förhandsgranska ${doc.title}`,
      onclick: () => previewDocument(preview, status, traineeId, doc),
    });
    listEl.append(h('li', { class: `document doc-state-${doc.state}`, dataset: { id: doc.id } },
      h('div', { class: 'doc-main' },
        h('span', { class: 'doc-title', text: title }),
        h('span', { class: 'doc-meta' }, doc.kind ? `${KIND[doc.kind] || doc.kind} · ` : '', h('span', { class: 'doc-state', text: STATE[doc.state] || doc.state })),
        doc.reason ? h('span', { class: 'doc-reason', text: doc.reason }) : null),
      button));
  }
  if (!documents.length) listEl.append(h('li', { class: 'empty', text: 'Inga dokument ännu.' }));
}
