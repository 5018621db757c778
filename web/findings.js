// Shows /api/check's findings: each next to the field its JSON pointer names (linked with
// aria-describedby, aria-invalid on errors), or — when no field on the page matches — next to
// the nearest enclosing item; every finding is also in the list at the side.

import { h, clear, uid } from './dom.js';

const SEVERITY = { error: 'Fel', warning: 'Varning', note: 'Notering' };
const ORDER = { error: 0, warning: 1, note: 2 };

export function severityLabel(severity) {
  return SEVERITY[severity] || severity;
}

function findingText(f) {
  return [h('span', { class: 'severity', text: `${severityLabel(f.severity)}: ` }), f.message, ' ', h('span', { class: 'rule', text: `(${f.rule})` })];
}

// Finds the registry entry for `path` or its nearest ancestor.
function locate(registry, path) {
  // A text the server names as a child ("…/description/0") is the element's own text here.
  let p = registry.get(path) ? path : path.replace(/\/description\/0$/, '/#text');
  while (p) {
    const entry = registry.get(p);
    if (entry && entry.slot) return { entry, exact: p === path };
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return null;
}

// Puts `findings` into the slots of `registry` and the list `listEl`.
export function showFindings(registry, findings, listEl) {
  for (const entry of registry.byPath.values()) {
    if (!entry.slot) continue;
    clear(entry.slot);
    entry.slot.hidden = true;
    if (entry.control && entry.control.dataset) {
      entry.control.removeAttribute('aria-invalid');
      const base = entry.control.dataset.describedBase;
      if (base) entry.control.setAttribute('aria-describedby', base);
      else entry.control.removeAttribute('aria-describedby');
    }
  }
  const sorted = [...findings].sort((a, b) => (ORDER[a.severity] ?? 3) - (ORDER[b.severity] ?? 3));
  clear(listEl);
  for (const f of sorted) {
    const found = f.path ? locate(registry, f.path) : null;
    let goto = null;
    if (found) {
      const { entry } = found;
      const id = uid('fynd');
      entry.slot.append(h('p', { class: `finding ${f.severity}`, id, dataset: { rule: f.rule } }, findingText(f)));
      entry.slot.hidden = false;
      if (entry.control && entry.control.tagName !== 'FIELDSET') {
        const ids = [entry.control.dataset.describedBase, entry.slot.id].filter(Boolean).join(' ');
        entry.control.setAttribute('aria-describedby', ids);
        if (f.severity === 'error') entry.control.setAttribute('aria-invalid', 'true');
      }
      goto = entry.control;
    }
    const li = h('li', { class: `finding ${f.severity}`, dataset: { rule: f.rule } }, findingText(f));
    if (goto) {
      li.append(' ', h('button', {
        type: 'button', class: 'link', text: 'Gå till fältet',
        onclick: () => { goto.scrollIntoView({ block: 'center' }); (goto.tagName === 'FIELDSET' ? goto.querySelector('input,select,textarea') || goto : goto).focus(); },
      }));
    }
    listEl.append(li);
  }
  if (!sorted.length) listEl.append(h('li', { class: 'finding none', text: 'Inga fel eller varningar.' }));
}
