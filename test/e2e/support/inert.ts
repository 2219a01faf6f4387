import type { Locator, Page } from '@playwright/test';

/** What would show that event data ran or leaked into the page as markup. */
export interface Tripwires {
  /** Every dialog (alert, confirm, prompt) the page opened. */
  dialogs: string[];
}

/** Records (and dismisses) every dialog the page opens: a hostile payload's favourite proof. */
export function watchDialogs(page: Page): Tripwires {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { dialogs };
}

/**
 * Asks the page whether any payload ran or polluted a prototype, and whether markup from data
 * became elements (an `<img src=x>`, an inline handler, a script not served by the host).
 */
export function pageState(page: Page) {
  return page.evaluate(() => {
    const scripts = [...document.querySelectorAll('script')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      objectPolluted: ({} as Record<string, unknown>).polluted,
      arrayPolluted: ([] as unknown as Record<string, unknown>).polluted,
      injectedElements: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], iframe, object, embed').length,
      foreignScripts: scripts.filter((script) => !script.src || new URL(script.src).origin !== location.origin).length,
      dataLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((href) => /^(javascript|data|https?:\/\/evil)/i.test(href)),
    };
  });
}

/** The state of a page where nothing ran: use with `toEqual`. */
export const cleanPage = { pwned: undefined, objectPolluted: undefined, arrayPolluted: undefined, injectedElements: 0, foreignScripts: 0, dataLinks: [] };

/**
 * The raw hidden characters (bidi controls, zero-width, C0 controls other than line breaks and
 * tabs, lone surrogates) in an element's rendered text and in its descendants' attributes (titles
 * and labels are tooltips), as "U+XXXX in <where>". Computed in the page: a lone surrogate would not
 * survive the trip to the test process.
 */
export function hiddenCharactersIn(target: Locator): Promise<string[]> {
  return target.evaluate((root) => {
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const pattern = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
    const places: Array<{ where: string; text: string }> = [{ where: 'text', text: (root as HTMLElement).innerText }];
    for (const element of [root, ...root.querySelectorAll('*')]) {
      for (const attribute of element.getAttributeNames()) places.push({ where: `${element.localName}[${attribute}]`, text: element.getAttribute(attribute) ?? '' });
    }
    const found = new Set<string>();
    for (const { where, text } of places) {
      for (const match of text.match(pattern) ?? []) found.add(`U+${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in ${where}`);
    }
    return [...found];
  });
}
