// Renders the workspace's app icons (public/assets/icons/*.png, committed) from the product's
// logo (loader-war/src/main/webapp/assets/atrium.svg) in headless Chromium, so they are made
// again the same way when the logo changes:
//   NODE_PATH=../../../../ear/src/test/js/node_modules node scripts/icons.mjs
// "any" icons are the logo itself; the maskable one puts it inside the 80 % safe zone on a
// full-bleed background, as launchers crop it to their own shape.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.NODE_PATH ?? '.', 'x.js'));
const { chromium } = require('playwright-core');
const here = path.dirname(new URL(import.meta.url).pathname);
const logo = readFileSync(path.resolve(here, '../../../../../loader-war/src/main/webapp/assets/atrium.svg'), 'utf8');
const out = path.resolve(here, '../public/assets/icons');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [file, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['maskable-512.png', 512, true]]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(`<html><body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;`
    + `background:${maskable ? '#1f4fd1' : 'transparent'}"><div style="width:${inner}px;height:${inner}px">`
    + logo.replace('<svg ', `<svg width="${inner}" height="${inner}" `) + '</div></body></html>');
  await page.screenshot({ path: path.join(out, file), omitBackground: !maskable });
}
await browser.close();
