// `npm test`: type-check, the renderer build, unit tests (vitest), the offline installer-config check, then the
// end-to-end tests (Playwright in Debian's Chromium). Ends with one line "N passed, N failed" over all of them.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-b'], counts: 'single' },
  // Built before the unit tests: the launcher's test serves the built renderer.
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build'], counts: 'single' },
  { name: 'unit', cmd: 'npx', args: ['vitest', 'run'], counts: /unit: (\d+) passed, (\d+) failed, (\d+) skipped/g },
  { name: 'dist:check', cmd: 'npm', args: ['run', '-s', 'dist:check'], counts: 'single' },
  { name: 'e2e', cmd: 'npx', args: ['playwright', 'test'], counts: /e2e: (\d+) passed, (\d+) failed, (\d+) skipped/g, needs: 'build' },
];

function run(step) {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0, failed = 0, skipped = 0;
const ok = new Set();
for (const step of steps) {
  if (step.needs && !ok.has(step.needs)) { console.log(`\n[${step.name}] not run: ${step.needs} failed`); failed++; continue; }
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const { code, out } = await run(step);
  if (step.counts === 'single') {
    if (code === 0) { passed++; ok.add(step.name); } else failed++;
    continue;
  }
  const m = [...out.matchAll(step.counts)].pop();
  if (m) {
    passed += Number(m[1]); failed += Number(m[2]); skipped += Number(m[3]);
    if (code !== 0 && Number(m[2]) === 0) failed++;
  } else if (code !== 0) failed++;
  if (code === 0) ok.add(step.name);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
