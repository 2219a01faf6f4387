import { request as httpRequest } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

/** Every file under a folder, with its text (missing folders hold nothing). */
export function filesUnder(root: string): Array<{ path: string; text: string }> {
  const found: Array<{ path: string; text: string }> = [];
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    return found;
  }
  for (const name of names) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push({ path, text: readFileSync(path).toString('latin1') });
  }
  return found;
}

/** The forms a secret can take on the way out: as is, and base64 (an encoded header, a blob). */
export function secretForms(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
}

/** The places (labels) where any form of any secret appears in the texts. */
export function leaks(texts: Array<{ where: string; text: string }>, secrets: string[]): string[] {
  const forms = secrets.flatMap(secretForms);
  return texts.filter(({ text }) => forms.some((form) => text.includes(form))).map(({ where }) => where);
}

/**
 * Records the body of every api response the page receives. The NDJSON stream never ends, so
 * it is tapped from the test process instead (`tapStream`): the host sends every message to every
 * open stream.
 */
export function recordApiResponses(page: Page) {
  const bodies: Array<{ where: string; text: string }> = [];
  const pending: Array<Promise<void>> = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/call/')) return;
    pending.push(
      response.text().then(
        (text) => void bodies.push({ where: `response ${response.url()}`, text }),
        () => undefined,
      ),
    );
  });
  return {
    async all() {
      await Promise.all(pending);
      return bodies;
    },
  };
}

/** Subscribes to the web host's stream as the page does, keeping every line it sends. */
export function tapStream(origin: string, token: string) {
  let text = '';
  const request = httpRequest(`${origin}/api/stream`, { headers: { 'X-Trailcase-Token': token } }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
  });
  request.on('error', () => undefined);
  request.end();
  return {
    text: () => text,
    close: () => request.destroy(),
  };
}

/** The page as the analyst's browser holds it: markup, rendered text and both storages. */
export async function pageTexts(page: Page): Promise<Array<{ where: string; text: string }>> {
  const inPage = await page.evaluate(() => ({
    text: document.body.innerText,
    storage: JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
  }));
  return [
    { where: 'page HTML', text: await page.content() },
    { where: 'page text', text: inPage.text },
    { where: 'page storage', text: inPage.storage },
  ];
}
