// Dates as ÅÅÅÅ-MM-DD strings (the records format's own form) and day arithmetic on them.

const DAY_MS = 86400000;

export function isDate(s) {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

export function dayNumber(s) {
  return Math.floor(Date.parse(`${s}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

// "48,2" — Swedish decimal comma, at most one decimal.
export function months(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '–';
  return (Math.round(n * 10) / 10).toString().replace('.', ',');
}
