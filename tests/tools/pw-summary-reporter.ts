// Prints one plain line "e2e: N passed, N failed, N skipped" at the end of a Playwright run (read by tests/tools/run-all.mjs).
import type { FullResult, Reporter, TestCase } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private outcomes = new Map<string, string>();
  onTestEnd(test: TestCase): void { this.outcomes.set(test.id, test.outcome()); }
  onEnd(result: FullResult): void {
    let passed = 0, failed = 0, skipped = 0;
    for (const o of this.outcomes.values()) {
      if (o === 'expected' || o === 'flaky') passed++; else if (o === 'skipped') skipped++; else failed++;
    }
    if (result.status !== 'passed' && failed === 0) failed = 1; // webServer failure, global timeout
    process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
  printsToStdio(): boolean { return false; }
}
