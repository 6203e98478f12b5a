/**
 * The race in Markdown (Share → Markdown): the timeline as a numbered list, each step with its
 * session, its SQL and, given a run, its result and error.
 */
import type { RunResult, StatementResult } from '../engine/types';
import { raceInput, type RaceScript } from './model';
import { errorText, raceSummary } from './summary';

/** Text as one Markdown code span (line breaks become spaces). */
function span(t: string): string {
  const one = t.trim().replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  return one.includes('`') ? `\`\` ${one} \`\`` : `\`${one}\``;
}

/** Text outside code: Markdown's special characters escaped. */
function plain(t: string): string {
  return t.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

function resultText(s: StatementResult): string {
  if (s.error) return `**Error:** ${plain(errorText(s.error))}`;
  const parts: string[] = [];
  if (s.columns) {
    const n = s.totalRows ?? s.rows.length;
    const first = s.rows[0];
    const shown =
      first && n === 1 ? `: ${s.columns.map((c, k) => `${c} = ${JSON.stringify(first[k] ?? null)}`).join(', ')}` : '';
    parts.push(`${n} row${n === 1 ? '' : 's'} returned${plain(shown)}`);
  }
  if (s.rowsAffected !== null) parts.push(`${s.rowsAffected} row${s.rowsAffected === 1 ? '' : 's'} affected`);
  return parts.join(', ') || 'done';
}

/** The timeline section's lines (the run's results when `result` is this race's run). */
export function raceMarkdown(race: RaceScript, result?: RunResult): string[] {
  const input = raceInput(race);
  const ran = result?.race && result.statements.length === input.steps.length ? result : undefined;
  const out = ['**Timeline** (each step one autocommitted statement, in this order)', ''];
  if (!input.steps.length) out.push('The timeline is empty.');
  input.steps.forEach((step, i) => {
    const s = ran?.statements[i];
    out.push(
      `${i + 1}. **${step.label}** (session ${input.sessions[step.session]}): ${span(step.sql)}${s ? ` — ${resultText(s)}` : ''}`,
    );
  });
  out.push('');
  const summary = ran ? raceSummary(ran) : [];
  if (summary.length) out.push('**What happened**', '', ...summary.map((l) => `- ${plain(l)}`), '');
  return out;
}
