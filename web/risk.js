// A trainee's risk from /api/check's facts: "risk" is a word — "ok", "warning" (findings or gaps
// to act on), "error" (errors stop documents), "late" (time not met after the planned end, or an
// overdue deadline) — and "risk_score" status's score (docs/rules.md, "Risk score"; higher is
// worse). Sorting puts the most at risk first; the level is always written out in words.

const LEVEL = { late: 'high', error: 'high', warning: 'medium', ok: 'none' };
const WORD = { late: 'Försenad', error: 'Fel', warning: 'Varning', ok: 'Ingen risk' };
const RANK = { late: 3, error: 2, warning: 1, ok: 0 };

// Sort key: the score, as `stdok status` sorts (the word's rank when there is no score).
export function riskRank(facts) {
  if (typeof facts.risk_score === 'number') return facts.risk_score;
  if (typeof facts.risk === 'number') return facts.risk;
  return RANK[facts.risk] ?? -1;
}

export function riskLabel(facts) {
  const word = WORD[facts.risk] || (typeof facts.risk === 'string' ? facts.risk : '');
  const score = typeof facts.risk_score === 'number' ? facts.risk_score : (typeof facts.risk === 'number' ? facts.risk : null);
  if (!word && score === null) return '–';
  return [word, score === null ? null : `(${score})`].filter(Boolean).join(' ');
}

export function riskClass(facts) {
  return `risk-${LEVEL[facts.risk] || 'unknown'}`;
}
