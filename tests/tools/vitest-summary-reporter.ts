// Prints one plain line "unit: N passed, N failed, N skipped" at the end of a vitest run (read by tests/tools/run-all.mjs).
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0, failed = 0, skipped = 0;
    for (const mod of testModules) {
      const tests = [...mod.children.allTests()];
      for (const t of tests) {
        const s = t.result().state;
        if (s === 'passed') passed++; else if (s === 'failed') failed++; else skipped++;
      }
      if (mod.state() === 'failed' && tests.length === 0) failed++; // the file failed to load
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\nunit: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
