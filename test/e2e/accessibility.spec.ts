import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { DEMO_STORY, fetchDemoUser } from './support/demo';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices: every rule of them, none disabled. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** What axe finds in the page as it is now, one readable line per rule and failing node. */
async function violationsIn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
    ),
  );
}

/** Checks the page in the state just reached; every state is checked even after one failed. */
async function expectAccessible(page: Page, state: string) {
  expect.soft(await violationsIn(page), `axe violations in "${state}"`).toEqual([]);
}

function findings(page: Page) {
  return page.getByRole('list', { name: 'Findings' });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 720 } });
    // A full axe run over the workspace takes seconds on a shared machine; a test checks several states.
    test.describe.configure({ timeout: 240_000 });

    test('the start page, the profile picker, the investigation form, the region picker, the source picker and the about dialog', async ({ app }) => {
      await expect(app.getByLabel('AWS profile')).toContainText('demo');
      await expect(app.getByRole('button', { name: /^Regions/ })).toBeEnabled();
      await expectAccessible(app, 'start page with the profile picker and the investigation form');

      await app.getByRole('button', { name: /^Regions/ }).click();
      await expect(app.getByRole('listbox', { name: 'Regions to search' })).toBeVisible();
      await expectAccessible(app, 'region picker open');
      await app.keyboard.press('Escape');

      // The source picker on Athena, with a results location refused as typed.
      await app.getByRole('combobox', { name: 'Source' }).selectOption('athena');
      await app.getByLabel('Results location (optional)').fill('not-a-url');
      await app.getByLabel('Database.table').focus();
      await expect(app.getByText(/An S3 URL such as/)).toBeVisible();
      await expectAccessible(app, 'source picker on Athena with a field error');
      await app.getByRole('combobox', { name: 'Source' }).selectOption('lookup');

      await app.getByRole('button', { name: 'About' }).click();
      await expect(app.getByRole('dialog', { name: /^Trailcase/ })).toBeVisible();
      await expectAccessible(app, 'about dialog');
    });

    test('the fetched workspace, its findings, sources, sessions, an event’s detail, the mutes and compare dialogs', async ({ app }) => {
      await fetchDemoUser(app, 'jmorales', DEMO_STORY);
      await expect(findings(app)).toBeVisible({ timeout: 30_000 });
      await expectAccessible(app, 'fetched workspace with What stands out');

      await app.getByRole('tab', { name: /^Sources/ }).click();
      await expect(app.getByRole('table', { name: 'Source addresses' })).toBeVisible();
      await expectAccessible(app, 'sources tab');

      const sessions = app.getByRole('region', { name: 'Sessions' });
      await sessions.getByRole('button', { name: 'Show sessions' }).click();
      await expect(sessions.getByRole('button', { name: /^User jmorales: / })).toBeVisible();
      await expectAccessible(app, 'session graph');

      // AttachUserPolicy: a flagged event whose request parameters (policyArn, userName) fill the JSON tree.
      await app.getByLabel('Search events').fill('AdministratorAccess');
      await app.getByTestId('event-row').filter({ hasText: 'AttachUserPolicy' }).first().click();
      const detail = app.getByTestId('event-detail');
      await expect(detail.getByLabel('Why this event is flagged')).toBeVisible();
      await expect(detail.locator('.json-key').filter({ hasText: 'policyArn' })).toBeVisible();
      await expectAccessible(app, 'event detail open');

      await detail
        .getByRole('button', { name: /^Mute .* for this identity$/ })
        .first()
        .click();
      const mute = app.getByRole('dialog', { name: 'Mute a rule for jmorales' });
      await expect(mute).toBeVisible();
      await expectAccessible(app, 'mutes dialog');
      await app.keyboard.press('Escape');
      await expect(mute).toBeHidden();

      await app.getByLabel('Search events').fill('');
      const rows = app.getByTestId('event-row');
      await rows.nth(0).getByRole('checkbox').check();
      await rows.nth(1).getByRole('checkbox').check();
      await app.getByRole('button', { name: 'Compare' }).click();
      const compare = app.getByRole('dialog', { name: /Compare 2 events/ });
      await expect(compare.locator('tr.differs').first()).toBeVisible();
      await expectAccessible(app, 'compare dialog');
    });

    test('the column menu, the actions view, every value of a chart, containment, the saved investigations, the ticket drawer with its preview and the Jira connection form', async ({
      app,
    }) => {
      await fetchDemoUser(app, 'jmorales', DEMO_STORY);
      await app.getByRole('button', { name: 'Columns', exact: true }).click();
      const columns = app.getByRole('dialog', { name: 'Columns' });
      await expect(columns.getByRole('button', { name: /^Move .* right$/ }).first()).toBeVisible();
      await expectAccessible(app, 'column menu');
      await app.keyboard.press('Escape');
      await expect(columns).toBeHidden();

      await app.getByRole('button', { name: 'Actions', exact: true }).click();
      await expect(app.getByTestId('event-table')).toHaveAttribute('aria-label', /^Actions, /);
      await expectAccessible(app, 'actions view');
      await app.getByRole('button', { name: 'Events', exact: true }).click();

      await app.getByRole('button', { name: /other values?: show all/ }).click();
      const allValues = app.getByRole('dialog');
      await expect(allValues.getByRole('searchbox').or(allValues.getByRole('textbox'))).toBeVisible();
      await expectAccessible(app, 'every value of a chart');
      await app.keyboard.press('Escape');
      await expect(allValues).toBeHidden();

      await app.getByRole('button', { name: 'Contain…' }).click();
      const contain = app.getByRole('dialog', { name: /^Contain/ });
      await expect(contain).toBeVisible();
      await expectAccessible(app, 'containment dialog');
      await app.keyboard.press('Escape');
      await expect(contain).toBeHidden();

      await app.getByRole('button', { name: 'Investigations…' }).click();
      const investigations = app.getByRole('dialog', { name: 'Investigations' });
      await expect(investigations).toBeVisible();
      await expectAccessible(app, 'saved investigations');
      await app.keyboard.press('Escape');
      await expect(investigations).toBeHidden();

      const rows = app.getByTestId('event-row');
      for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
      await app.getByRole('button', { name: 'Draft ticket' }).click();
      await expect(app.getByTestId('ticket-draft')).toBeVisible();
      // This host has no Jira configured: the drawer opens with the connection form.
      await expect(app.getByRole('form', { name: 'Jira connection' })).toBeVisible();
      await expectAccessible(app, 'ticket drawer with preview and the Jira connection form');
    });
  });
}
