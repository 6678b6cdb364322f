// Conformance on feedparser's own suite (680 parsing checks outside `sanitize`, plus 72 dates).
// Prints the pass rate by category and every failure. A ratchet: the failing checks must be exactly the
// known differences, so any new failure fails the suite (and so does a fixed one still listed). Skips,
// saying so, when the shared corpora are absent (a user's `npm test` never needs them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/feeds/dates';
import { CORPORA, HAVE_CORPORA } from './corpora';
import { loadCases, runCases, type CaseResult } from './feedparser-cases';
import { KNOWN_DATE_DIFFERENCES, KNOWN_DIFFERENCES } from './known-differences';

const BAR = 0.95;

if (!HAVE_CORPORA) console.warn(`corpus suite skipped: ${CORPORA} is absent`);

describe.skipIf(!HAVE_CORPORA)('feedparser conformance', () => {
  it(`passes at least ${BAR * 100}% of the parsing checks and the date cases`, () => {
    const results = runCases(loadCases());
    const dates = runDates();
    report(results, dates);
    const passed = results.filter((result) => result.pass).length + dates.filter((result) => result.pass).length;
    expect(passed / (results.length + dates.length)).toBeGreaterThanOrEqual(BAR);
  });

  it('fails exactly the known differences, each with a reason: no new failure, none fixed but still listed', () => {
    const results = runCases(loadCases());
    expect(results.length).toBeGreaterThan(600);
    const failing = results.filter((result) => !result.pass).map((result) => `${result.check.file}#${result.check.path}`);
    expect([...new Set(failing)].sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());
    const dateFailures = runDates().filter((result) => !result.pass).map((result) => result.input);
    expect([...new Set(dateFailures)].sort()).toEqual(Object.keys(KNOWN_DATE_DIFFERENCES).sort());
    for (const reason of [...Object.values(KNOWN_DIFFERENCES), ...Object.values(KNOWN_DATE_DIFFERENCES)]) expect(reason.length).toBeGreaterThan(10);
  });
});

interface DateResult {
  input: string;
  expected: string | null;
  actual: number | undefined;
  pass: boolean;
}

function runDates(): DateResult[] {
  const cases = JSON.parse(readFileSync(join(CORPORA, 'feedparser/dates.json'), 'utf8')) as { input: string; expected_utc: string | null }[];
  return cases.map(({ input, expected_utc: expected }) => {
    const actual = parseDate(input);
    // Python prints year 99 as "99-…"; Date.parse needs four digits.
    const want = expected === null ? undefined : Date.parse(expected.replace(/^(\d{2})-/, '00$1-'));
    return { input, expected, actual, pass: actual === want };
  });
}

function report(results: CaseResult[], dates: DateResult[]): void {
  const byCategory = new Map<string, { pass: number; total: number }>();
  for (const { check, pass } of results) {
    const tally = byCategory.get(check.category) ?? { pass: 0, total: 0 };
    tally.total++;
    if (pass) tally.pass++;
    byCategory.set(check.category, tally);
  }
  const lines = [...byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([category, { pass, total }]) => `  ${category.padEnd(16)} ${pass}/${total}  ${((pass / total) * 100).toFixed(1)}%`);
  const datePass = dates.filter((result) => result.pass).length;
  lines.push(`  ${'dates.json'.padEnd(16)} ${datePass}/${dates.length}  ${((datePass / dates.length) * 100).toFixed(1)}%`);
  const checksPass = results.filter((result) => result.pass).length;
  lines.unshift(`feedparser checks: ${checksPass}/${results.length} (${((checksPass / results.length) * 100).toFixed(1)}%)`);
  for (const { check, actual, pass } of results) {
    if (pass) continue;
    const key = `${check.file}#${check.path}`;
    const why = KNOWN_DIFFERENCES[key] ? `known: ${KNOWN_DIFFERENCES[key]}` : 'UNEXPECTED';
    lines.push(`  FAIL ${key}\n       expected ${JSON.stringify(check.expected)}\n       got      ${actual instanceof Error ? `error: ${actual.message}` : JSON.stringify(actual)}\n       ${why}`);
  }
  for (const { input, expected, actual, pass } of dates) {
    if (!pass) lines.push(`  FAIL date ${JSON.stringify(input)} expected ${expected} got ${actual === undefined ? 'none' : new Date(actual).toISOString()} — ${KNOWN_DATE_DIFFERENCES[input] ?? 'UNEXPECTED'}`);
  }
  console.log(lines.join('\n'));
}
