// Saves screenshots of the main screens as test artifacts in test-results/screenshots/.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PROJECT_ROOT } from './app-server.js';

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}
