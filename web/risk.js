// The risk of a trainee as /api/check gives it: status's risk score (docs/rules.md, "Risk
// score": 10 per error, 5 per overdue deadline …; higher is worse) or a word ("ok", "warning",
// "late"). Sorting puts the most at risk first; the level is always written out in words.

const WORDS = { ok: 'ingen', warning: 'måttlig', late: 'hög', overdue: 'hög', error: 'hög' };
const RANK = { late: 100, overdue: 100, error: 90, warning: 5, ok: 0 };

export function riskRank(risk) {
  if (typeof risk === 'number') return risk;
  if (risk === null || risk === undefined || risk === '') return -1;
  return RANK[risk] ?? 5;
}

function level(risk) {
  const rank = riskRank(risk);
  if (rank >= 10) return 'high';
  if (rank > 0) return 'medium';
  return rank < 0 ? 'unknown' : 'none';
}

const LEVEL_WORD = { high: 'hög', medium: 'måttlig', none: 'ingen', unknown: 'okänd' };

export function riskLabel(risk) {
  if (typeof risk === 'number') return `${risk} – ${LEVEL_WORD[level(risk)]}`;
  if (risk === null || risk === undefined || risk === '') return '–';
  return WORDS[risk] || String(risk);
}

export function riskClass(risk) {
  return `risk-${level(risk)}`;
}
