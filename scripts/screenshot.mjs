// Takes a screenshot of the app served by the web host: node scripts/screenshot.mjs <url> <file> [width] [height] [colorScheme]
import { chromium } from '@playwright/test';

const [url, file, width = '1440', height = '900', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) }, colorScheme: scheme });
await page.goto(url);
await page.waitForTimeout(1500);
await page.screenshot({ path: file });
await browser.close();
