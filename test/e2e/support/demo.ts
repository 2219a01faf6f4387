import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** How a test fetches one of the demo profile's users through the form. */
export interface DemoFetch {
  /** The period button to press (e.g. '30d'); the form's default period when absent. */
  since?: string;
  /** Regions to tick in the Regions menu besides those already ticked; the menu stays shut when absent. */
  regions?: readonly string[];
  /** Whether to wait for 'Done' in the fetch progress (45 s at most); true when absent. */
  untilDone?: boolean;
}

/** The demo story: its user over 30 days in the demo's three regions. */
export const DEMO_STORY = { since: '30d', regions: ['eu-west-1', 'us-west-2'] } as const satisfies DemoFetch;

/** Fills the form for `user` of the demo profile, presses Fetch and (unless told not to) waits for the end. */
export async function fetchDemoUser(page: Page, user: string, { since, regions, untilDone = true }: DemoFetch = {}): Promise<void> {
  await page.getByLabel('Identity', { exact: true }).fill(user);
  if (regions) {
    await page.getByRole('button', { name: /^Regions/ }).click();
    const menu = page.getByRole('listbox', { name: 'Regions to search' });
    for (const region of regions) {
      const option = menu.getByRole('option', { name: region, exact: true });
      if ((await option.getAttribute('aria-selected')) !== 'true') await option.click();
      await expect(option).toHaveAttribute('aria-selected', 'true');
    }
    await page.keyboard.press('Escape');
  }
  if (since) await page.getByRole('button', { name: since, exact: true }).click();
  await page.getByRole('button', { name: /^Fetch/ }).click();
  if (untilDone)
    await expect(page.getByRole('region', { name: 'Fetch progress' }).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
}

/** A web host's deep link that opens the form on `user` of the demo profile (regions: the demo's default when absent). */
export function demoLink(hostUrl: string, user: string, { since, regions }: { since: string; regions?: readonly string[] }): string {
  return `${hostUrl}&profile=demo&user=${user}&since=${since}${regions ? `&regions=${regions.join(',')}` : ''}`;
}

/** The events toolbar's count ("N of M events"). */
export function eventCounts(page: Page) {
  return page.getByRole('toolbar', { name: 'Events' }).getByRole('status');
}
