// The risk of a trainee as /api/check gives it: a word ("ok", "warning", "late") or a score
// (status's risk score, higher is worse). Sorting puts the most at risk first.

const WORDS = { ok: 'Ingen risk', warning: 'Varning', late: 'Försenad', overdue: 'Försenad', error: 'Fel i uppgifterna', risk: 'Risk' };
const RANK = { late: 100000, overdue: 100000, error: 90000, risk: 50000, warning: 10000, ok: 0 };

export function riskLabel(risk) {
  if (typeof risk === 'number') return risk === 0 ? 'Ingen risk (0)' : `Risk ${risk}`;
  if (risk === null || risk === undefined || risk === '') return '–';
  return WORDS[risk] || String(risk);
}

export function riskRank(risk) {
  if (typeof risk === 'number') return risk;
  if (risk === null || risk === undefined) return -1;
  return RANK[risk] ?? 20000;
}

export function riskClass(risk) {
  const rank = riskRank(risk);
  if (rank >= 50000 || (typeof risk === 'number' && risk >= 100)) return 'risk-high';
  if (rank > 0) return 'risk-medium';
  return 'risk-none';
}
