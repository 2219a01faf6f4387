import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { DEMO_STORY, fetchDemoUser } from './support/demo';

test.use({ viewport: { width: 1280, height: 720 } });

/** Rows drawn wholly inside the grid's visible box, under its header. */
function fullyVisibleRows(page: Page): Promise<number> {
  return page.getByTestId('event-table').evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    const head = grid.querySelector('.table-head')!.getBoundingClientRect();
    return [...grid.querySelectorAll('[data-testid="event-row"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= head.bottom - 1 && r.bottom <= box.bottom + 1;
    }).length;
  });
}

const pageScrolls = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);

function panelToggles(page: Page) {
  return page.getByRole('group', { name: 'Panels above the table' }).getByRole('button');
}

async function hideEveryPanel(page: Page): Promise<void> {
  const open = page.getByRole('group', { name: 'Panels above the table' }).getByRole('button', { expanded: true });
  while ((await open.count()) > 0) await open.first().click();
}

test('at 1280×720 the table keeps ten rows with every panel open, fifteen with them hidden, and the choice survives a reload', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  const strip = app.getByRole('group', { name: 'Panels above the table' });
  for (const name of ['Search', 'Timeline and charts', /^What stands out \(\d+\)$/, 'Sessions']) await expect(strip.getByRole('button', { name })).toHaveCount(1);
  expect(await fullyVisibleRows(app)).toBeGreaterThanOrEqual(10);
  expect(await pageScrolls(app)).toBe(false);

  await hideEveryPanel(app);
  await expect(app.getByLabel('Identity', { exact: true })).toBeHidden();
  await expect(app.getByTestId('timeline')).toHaveCount(0);
  await expect.poll(() => fullyVisibleRows(app)).toBeGreaterThanOrEqual(15);

  await app.reload();
  // Before a fetch the form shows whatever the panels say; after it, the panels are as left.
  await fetchDemoUser(app, 'jmorales', { untilDone: false });
  await expect(app.getByTestId('event-row').first()).toBeVisible();
  for (const toggle of await panelToggles(app).all()) await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => fullyVisibleRows(app)).toBeGreaterThanOrEqual(15);

  await app.getByRole('button', { name: 'Timeline and charts' }).click();
  await expect(app.getByTestId('timeline')).toBeVisible();
});

test('filter chips stay on one line: the toolbar neither wraps nor scrolls the page', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  const bar = app.getByRole('search');
  const height = (await bar.boundingBox())!.height;
  for (const value of ['us-east-1', 'eu-west-1', 'us-west-2']) {
    await app.getByRole('button', { name: '+ Filter' }).click();
    await app.getByLabel('Field').selectOption('region');
    await app.getByRole('list', { name: 'Values' }).getByRole('button', { name: new RegExp(`^${value}`) }).click();
  }
  await expect(app.getByRole('list', { name: 'Filters in force' }).getByRole('listitem')).toHaveCount(3);
  expect((await bar.boundingBox())!.height).toBe(height);
  expect(await pageScrolls(app)).toBe(false);
});

test('a column dragged wider stays so after a reload, and the columns fill a wide screen', async ({ app }) => {
  await app.setViewportSize({ width: 1920, height: 1080 });
  await fetchDemoUser(app, 'jmorales');
  const grid = app.getByTestId('event-table');
  const head = grid.getByRole('row').first();
  const rowWidth = await head.evaluate((row) => row.getBoundingClientRect().width);
  const gridWidth = await grid.evaluate((g) => g.clientWidth);
  expect(Math.abs(rowWidth - gridWidth)).toBeLessThanOrEqual(1);

  const header = grid.getByRole('columnheader', { name: 'Service' });
  const before = (await header.boundingBox())!.width;
  const handle = (await header.locator('.resize-handle').boundingBox())!;
  await app.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await app.mouse.down();
  await app.mouse.move(handle.x + 80, handle.y + handle.height / 2, { steps: 5 });
  await app.mouse.up();
  await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before + 70);
  const resized = (await header.boundingBox())!.width;

  await app.reload();
  await fetchDemoUser(app, 'jmorales', { untilDone: false });
  await expect(app.getByTestId('event-row').first()).toBeVisible();
  await expect.poll(async () => (await app.getByTestId('event-table').getByRole('columnheader', { name: 'Service' }).boundingBox())!.width).toBe(resized);
});

test('a cut cell ends in an ellipsis and carries its whole text; tabbing through the headers leaves Time in view', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  const grid = app.getByTestId('event-table');
  // The demo moves with the clock: its ListFunctions call is not always among the rows drawn.
  await app.getByPlaceholder(/^Search events/).fill('ListFunctions20150331');
  const name = grid.getByRole('gridcell', { name: 'ListFunctions20150331', exact: true }).first();
  await name.scrollIntoViewIfNeeded();
  await expect(name).toHaveAttribute('title', 'ListFunctions20150331');
  expect(await name.evaluate((cell) => getComputedStyle(cell).textOverflow)).toBe('ellipsis');

  const time = grid.getByRole('columnheader', { name: 'Time (UTC)' });
  await time.getByRole('button').focus();
  // Flag, Event name, Service, Region, Source IP, User agent, Identity, Resources: still in the header.
  for (let i = 0; i < 8; i++) {
    await app.keyboard.press('Tab');
    const box = (await time.boundingBox())!;
    const gridBox = (await grid.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(gridBox.x);
  }
  expect(await grid.evaluate((g) => g.scrollLeft)).toBeGreaterThan(0);
  // Focus leaves the header row: the grid goes back to where the analyst was reading.
  await app.getByLabel('Search events').focus();
  expect(await grid.evaluate((g) => g.scrollLeft)).toBe(0);
  // The sort buttons answer the keyboard.
  await grid.getByRole('button', { name: 'Event name' }).focus();
  await app.keyboard.press('Enter');
  await expect(grid.getByRole('columnheader', { name: /Event name/ })).toHaveAttribute('aria-sort', 'ascending');
});
