// The one copy of the records being edited, the version they were read at, and the latest
// answer of /api/check. Views listen for 'check' (new findings and facts), 'records' (a
// structural change: an item added or removed) and 'saved'.

import { api } from './api.js';

const listeners = new Map();

export const store = {
  session: null,     // GET /api/session
  vocabulary: null,  // GET /api/vocabulary (empty lists when the server has none)
  records: null,     // RECORDS_JSON being edited
  version: null,     // the file version the edits are based on
  dirty: false,      // edits not yet saved
  check: { findings: [], trainees: [] },
  checkSeq: 0,       // how many /api/check answers have been shown
};

export function on(event, fn) {
  if (!listeners.has(event)) listeners.set(event, new Set());
  listeners.get(event).add(fn);
  return () => listeners.get(event).delete(fn);
}

export function emit(event, detail) {
  for (const fn of listeners.get(event) || []) fn(detail);
}

const DEBOUNCE_MS = 300;
let timer = null;
let inFlight = null;
let requestSeq = 0;

// Called after every edit: marks the records dirty and asks for a check once typing pauses.
export function edited({ structural = false } = {}) {
  store.dirty = true;
  emit('dirty', true);
  if (structural) emit('records');
  scheduleCheck();
}

export function scheduleCheck(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(runCheck, delay);
}

// Posts the records to /api/check; an answer that a newer request has overtaken is dropped.
export async function runCheck() {
  clearTimeout(timer);
  if (inFlight) inFlight.abort();
  const controller = new AbortController();
  inFlight = controller;
  requestSeq += 1;
  const seq = requestSeq;
  try {
    const result = await api('/api/check', {
      method: 'POST', body: { records: store.records }, signal: controller.signal,
    });
    if (seq !== requestSeq) return;
    store.check = { findings: result.findings || [], trainees: result.trainees || [] };
    store.checkSeq += 1;
    emit('check', store.check);
  } catch (err) {
    if (err.name === 'AbortError') return;
    emit('error', err);
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

export function factsFor(id) {
  return store.check.trainees.find((t) => t.id === id) || null;
}
