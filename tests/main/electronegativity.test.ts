// Electronegativity (Doyensec's Electron security scanner) over electron/ finds no HIGH or MEDIUM issue beyond the
// justified allow-list; and the CSP, which it cannot see in a response header, passes the same CSP evaluator it uses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(ROOT, 'package.json'));

interface Issue { id: string; severity: { name: string }; confidence: { name: string }; file: string; location: { line: number; column: number }; sample?: string }
interface Accepted { id: string; file: string; justification: string }

const allow = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/main/electronegativity-allowlist.json'), 'utf8')) as { accepted: Accepted[] };

describe('Electronegativity', () => {
  it('finds no HIGH or MEDIUM issue in electron/ except the justified, still-needed allow-list entries', async () => {
    const run = require('@doyensec/electronegativity/dist/runner.js') as (o: object) => Promise<{ errors: unknown[]; issues: Issue[] }>;
    const result = await run({
      input: path.join(ROOT, 'electron'), output: null, isSarif: false, customScan: [], excludeFromScan: [],
      severitySet: null, confidenceSet: null, isRelative: true, isVerbose: false, electronUpgrade: null,
      electronVersionOverride: '45.5.0', parserPlugins: [],
    });
    expect(result.errors, 'files it could not parse').toEqual([]);
    const serious = result.issues.filter((i) => i.severity.name === 'HIGH' || i.severity.name === 'MEDIUM');
    const key = (id: string, file: string) => `${id} @ ${file}`;
    const accepted = new Set(allow.accepted.map((a) => key(a.id, a.file)));
    const unexpected = serious.filter((i) => !accepted.has(key(i.id, i.file)))
      .map((i) => `${i.id} ${i.severity.name} ${i.file}:${i.location.line} ${i.sample ?? ''}`);
    expect(unexpected).toEqual([]);
    const found = new Set(serious.map((i) => key(i.id, i.file)));
    const stale = [...accepted].filter((k) => !found.has(k));
    expect(stale, 'allow-list entries that no longer match a finding: remove them').toEqual([]);
  }, 120_000);

  it('every allow-list entry carries a real justification', () => {
    expect(allow.accepted.length).toBeGreaterThan(0);
    for (const a of allow.accepted) {
      expect(a.justification.length, a.id).toBeGreaterThan(80);
      expect(a.justification, a.id).toMatch(/tests\/main\/\w+\.test\.ts/);
    }
  });

  it('the CSP has no HIGH or MEDIUM finding from the CSP evaluator Electronegativity uses', () => {
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (s: string) => { csp: unknown };
      CspEvaluator: new (c: unknown, v: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const grade = (policy: string) => new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
    const bad = new Set([csp.severities.HIGH, csp.severities.SYNTAX, csp.severities.MEDIUM, csp.severities.HIGH_MAYBE]);
    expect(grade(CONTENT_SECURITY_POLICY).filter((f) => bad.has(f.severity)).map((f) => `${f.directive}: ${f.description}`)).toEqual([]);
    // The evaluator does catch a weak policy.
    expect(grade("script-src 'self' 'unsafe-inline' https:").some((f) => bad.has(f.severity))).toBe(true);
  });
});
