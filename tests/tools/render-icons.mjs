// Renders public/icon.svg to the PNG sizes WXT puts in the manifest (public/icon/<size>.png),
// with the same headless Chromium the end-to-end tests use. Run after editing the SVG: npm run icons
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const sizes = [16, 32, 48, 96, 128];
const svg = await readFile(new URL('../../public/icon.svg', import.meta.url), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${src}" width="${size}" height="${size}">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const path = new URL(`../../public/icon/${size}.png`, import.meta.url);
    await page.screenshot({ path: path.pathname, omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
