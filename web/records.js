// Reading and editing the records JSON (docs/web-api.md, "Records as JSON"): an element is an
// object, attributes are "@name" keys, child elements are arrays under their tag, text is
// "#text". Empty attributes are removed (the records format treats them as absent).

export function list(obj, tag) {
  return (obj && Array.isArray(obj[tag])) ? obj[tag] : [];
}

// The first child element `tag`, created when `create` is set.
export function child(obj, tag, create = false) {
  if (!obj) return null;
  if (Array.isArray(obj[tag]) && obj[tag].length) return obj[tag][0];
  if (!create) return null;
  obj[tag] = [{}];
  return obj[tag][0];
}

export function attr(obj, name) {
  const v = obj ? obj[`@${name}`] : undefined;
  return v === undefined || v === null ? '' : String(v);
}

export function setAttr(obj, name, value) {
  if (value === '' || value === null || value === undefined) delete obj[`@${name}`];
  else obj[`@${name}`] = String(value);
}

export function text(obj) {
  return obj && typeof obj['#text'] === 'string' ? obj['#text'] : '';
}

export function setText(obj, value) {
  if (value === '') delete obj['#text'];
  else obj['#text'] = value;
}

// JSON pointer (RFC 6901) of a path given as parts.
export function pointer(...parts) {
  return parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function personName(p) {
  return [attr(p, 'given-name'), attr(p, 'family-name')].filter(Boolean).join(' ') || attr(p, 'id');
}

export function traineeName(t) {
  const n = child(t, 'name');
  return [attr(n, 'given'), attr(n, 'family')].filter(Boolean).join(' ') || attr(t, 'id') || 'Namnlös';
}

// An ASCII id from a name: "Łukasz Żółkiewski" → "lukasz-zolkiewski".
export function slug(name) {
  const map = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ß: 'ss', æ: 'ae', Æ: 'ae', ı: 'i' };
  return name.replace(/[łŁøØđĐßæÆı]/g, (c) => map[c])
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'id';
}

// An id based on `base` that no unit, person or trainee in `records` uses yet.
export function freeId(records, base) {
  const used = new Set();
  for (const tag of ['unit', 'person', 'trainee']) for (const e of list(records, tag)) used.add(attr(e, 'id'));
  if (!used.has(base)) return base;
  for (let i = 2; ; i += 1) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}
