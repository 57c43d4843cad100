// End-to-end tests: the built renderer in browser mode, driven in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

export const chromiumPath = process.env.POLLWATCH_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: true,
  reporter: [['list'], ['./tests/tools/pw-summary-reporter.ts']],
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium' }],
});
