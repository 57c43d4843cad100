// The shape of the house, checked: dependencies point one way (renderer → contract ← core ← main/http/cli), only
// electron/main and the preload import electron, the contract imports no Node, Electron or DOM code, and no file
// takes part in an import circle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else if (/\.(ts|tsx|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Module specifiers of a file's static imports and re-exports, and of its dynamic import('…') calls. */
function importsOf(file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  const specs: string[] = [];
  for (const m of src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]!);
  for (const m of src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]!);
  for (const m of src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  for (const m of src.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

/** Resolves a relative specifier to a project file (".js" written for ".ts" sources). */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.join(path.dirname(from), spec);
  for (const candidate of [base, base.replace(/\.js$/, '.ts'), base.replace(/\.cjs$/, '.cts'), base + '.ts', base + '.tsx', path.join(base, 'index.ts')]) {
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return null;
}

const sources = [...filesUnder('electron'), ...filesUnder('renderer')];
const graph = new Map(sources.map((f) => [f, importsOf(f)]));

describe('architecture', () => {
  it('only electron/main and the preload import electron', () => {
    expect(graph.get('electron/main/app.ts')).toContain('electron'); // the scanner sees imports at all
    const offenders = sources.filter((f) => !f.startsWith('electron/main/') && f !== 'electron/preload.cts')
      .filter((f) => graph.get(f)!.some((s) => s === 'electron' || s.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('the contract imports nothing from Node, Electron, the DOM side or the rest of the app', () => {
    const offenders = sources.filter((f) => f.startsWith('electron/contract/')).flatMap((f) => graph.get(f)!
      .filter((s) => s.startsWith('node:') || s === 'electron' || (s.startsWith('.') && !resolveLocal(f, s)?.startsWith('electron/contract/')))
      .map((s) => `${f} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches into electron/ only for the contract', () => {
    const offenders = sources.filter((f) => f.startsWith('renderer/')).flatMap((f) => graph.get(f)!
      .filter((s) => s.startsWith('.')).map((s) => resolveLocal(f, s) ?? s)
      .filter((target) => target.startsWith('electron/') && !target.startsWith('electron/contract/'))
      .map((t) => `${f} → ${t}`));
    expect(offenders).toEqual([]);
  });

  it('core never reaches out to the transports or the shell', () => {
    const offenders = sources.filter((f) => f.startsWith('electron/core/')).flatMap((f) => graph.get(f)!
      .filter((s) => s.startsWith('.')).map((s) => resolveLocal(f, s) ?? s)
      .filter((t) => /^electron\/(main|http|cli)/.test(t) || t === 'electron/cli.ts')
      .map((t) => `${f} → ${t}`));
    expect(offenders).toEqual([]);
  });

  it('has no import circles', () => {
    const edges = new Map(sources.map((f) => [f, graph.get(f)!.map((s) => resolveLocal(f, s)).filter((t): t is string => !!t && graph.has(t))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') { cycles.push([...trail.slice(trail.indexOf(f)), f].join(' → ')); return; }
      state.set(f, 'open');
      for (const t of edges.get(f)!) visit(t, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of sources) visit(f, []);
    expect(edges.get('electron/core/service.ts')!.length).toBeGreaterThan(10); // relative imports are resolved
    expect(cycles).toEqual([]);
  });
});
