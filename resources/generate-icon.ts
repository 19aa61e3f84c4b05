/**
 * Renders the app's icon (renderer/src/assets/icon.svg, also the web page's favicon) to
 * resources/build/icon.png, 512 × 512 with a transparent background: what electron-builder
 * makes the Windows, macOS and Linux icons from (`buildResources`). Drawn by Debian's Chromium
 * (LAYERWISE_CHROMIUM, else /usr/bin/chromium), so the PNG is kept in the repository for
 * packaging on machines without it. Run: node --import tsx resources/generate-icon.ts
 */
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const svg = readFileSync(fileURLToPath(new URL('../renderer/src/assets/icon.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.LAYERWISE_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  const sized = svg.replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `);
  await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(fileURLToPath(new URL('./build/icon.png', import.meta.url)), png);
  console.log(`resources/build/icon.png: ${SIZE} × ${SIZE}, ${png.length} bytes`);
} finally {
  await browser.close();
}
