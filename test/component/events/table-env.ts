import { afterEach, beforeEach } from 'vitest';

/**
 * happy-dom lays nothing out, so every element measures 0×0 and a virtualised list would show
 * no rows. Give elements a screen-sized box while a test runs.
 */
export function useScreenSizedLayout(): void {
  const original = HTMLElement.prototype.getBoundingClientRect;
  beforeEach(() => {
    HTMLElement.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 1200, bottom: 600, width: 1200, height: 600, toJSON: () => ({}) }) as DOMRect;
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  });
  afterEach(() => {
    HTMLElement.prototype.getBoundingClientRect = original;
  });
}
