import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { Page } from '@playwright/test';

import { startFakeAthena } from '../fakes/athena/fake-athena';
import { athenaTableDdl, athenaTrail, trailObjectKeys } from '../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../fakes/s3/fake-s3';
import { writeKeysProfile } from './support/aws-profile';
import { expect, startWebHost, test } from './fixtures';

/**
 * The screens of the sources beyond LookupEvents at the smallest window Trailcase is laid out for
 * (1280×720), in both themes: the source picker on each source, the Who else menu of the event
 * detail and the Athena cost dialog. Each test saves its screenshots (looked at by people) and
 * checks what a screenshot showed could go wrong: text cut by its box.
 */
const source = (page: Page) => page.getByRole('combobox', { name: 'Source' });

/** Whether the select's chosen option, in the select's own font, fits inside it beside its arrow. */
async function selectShowsWholeOption(page: Page): Promise<{ text: string; needed: number; room: number }> {
  return source(page).evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = select.selectedOptions[0]!.text;
    // Chromium draws the arrow in the right padding's place: about 20 px it keeps for itself.
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return { text, needed: Math.ceil(context.measureText(text).width), room };
  });
}

/** Elements of the form whose text is wider than their box (cut or spilling). */
async function clippedInForm(page: Page): Promise<string[]> {
  return page.getByRole('form', { name: 'Investigation' }).evaluate((form) =>
    [...form.querySelectorAll<HTMLElement>('label, .field-note, .field-error, button, input, select')]
      .filter((element) => element.offsetParent !== null && element.scrollWidth > element.clientWidth + 1 && element.tagName !== 'INPUT')
      .map((element) => `${element.tagName.toLowerCase()}#${element.id || element.className}: ${element.textContent?.slice(0, 40)}`),
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`at 1280×720, ${colorScheme}`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 720 } });

    test('the source picker on each source shows its options whole and cuts no text', async ({ app }, testInfo) => {
      await expect(app.getByLabel('AWS profile')).toContainText('demo');
      for (const kind of ['lookup', 'files', 's3', 'athena'] as const) {
        await source(app).selectOption(kind);
        const fit = await selectShowsWholeOption(app);
        expect(fit.needed, `"${fit.text}" needs ${fit.needed} px, the select has ${fit.room}`).toBeLessThanOrEqual(fit.room);
        expect(await clippedInForm(app), kind).toEqual([]);
        await app.getByRole('form', { name: 'Investigation' }).screenshot({ path: testInfo.outputPath(`source-${kind}-${colorScheme}.png`) });
      }
      await app.screenshot({ path: testInfo.outputPath(`source-page-${colorScheme}.png`) });
    });

    test('the Who else menu in the event detail', async ({ app }, testInfo) => {
      await source(app).selectOption('files');
      await app.getByLabel('Folder or file').fill(resolve('test/fixtures/pivots'));
      await app.getByLabel('Identity', { exact: true }).fill('alice');
      await app.getByRole('button', { name: 'Custom' }).click();
      await app.getByLabel('Start (UTC)').fill('2026-11-01T00:00');
      await app.getByLabel('End (UTC)').fill('2026-11-05T00:00');
      await app.getByRole('button', { name: /^Fetch/ }).click();
      await expect(app.getByRole('region', { name: 'Fetch progress' }).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
      // With a custom range (the form's tallest), the Fetch button still shows above the table, whole.
      await expect(app.getByRole('button', { name: /^Fetch/ })).toBeInViewport({ ratio: 1 });
      await app.getByTestId('event-row').first().click();
      const detail = app.getByTestId('event-detail');
      await detail.getByRole('button', { name: 'Who else…' }).click();
      const menu = app.getByRole('menu', { name: 'Who else' });
      await expect(menu).toBeVisible();
      await app.screenshot({ path: testInfo.outputPath(`who-else-menu-${colorScheme}.png`) });
      const cut = await menu.evaluate((element) =>
        [...element.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitem"] span')].filter((item) => item.scrollWidth > item.clientWidth + 1).map((item) => item.textContent),
      );
      expect(cut).toEqual([]);
      const box = (await menu.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
    });

    test('the Athena cost dialog', async ({ page }, testInfo) => {
      const objects = Object.fromEntries(Object.entries(trailObjectKeys()).map(([day, texts]) => [`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/a.json.gz`, gzipSync(texts.join(','))]));
      const s3 = await startFakeS3({ buckets: { 'trail-bucket': objects } });
      const athena = await startFakeAthena({ trails: athenaTrail(), tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://results/' } } });
      const aws = writeKeysProfile({ name: 'analyst', region: 'us-east-1', accessKeyId: 'AKIAATHENASCREENS001', secretAccessKey: 'athenaScreensSecret000000000000000000000' }, s3.url);
      const host = await startWebHost({ env: { ...aws.env, AWS_ENDPOINT_URL_S3: s3.url, AWS_ENDPOINT_URL_ATHENA: athena.url } });
      try {
        await page.goto(`${host.url}&profile=analyst&user=alice&regions=us-east-1&start=2026-03-01T00:00:00Z&end=2026-03-03T00:00:00Z`);
        await source(page).selectOption('athena');
        await page.getByLabel('Database.table').fill('default.cloudtrail_logs');
        await page.getByLabel('Ask before a query costing more than $').fill('0');
        await page.getByRole('button', { name: /^Fetch/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Run this Athena query?' });
        await expect(dialog).toBeVisible();
        await page.screenshot({ path: testInfo.outputPath(`athena-cost-${colorScheme}.png`) });
        const box = (await dialog.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(720);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      } finally {
        await host.stop();
        rmSync(dirname(host.dataDir), { recursive: true, force: true });
        await athena.close();
        await s3.close();
        aws.cleanup();
      }
    });
  });
}
