/**
 * The Content-Security-Policy of the renderer, on the desktop window and the web host alike.
 * Scripts only from the app itself (no inline script, no eval); no remote connections; no
 * plugins, frames or forms. Inline styles are allowed (reviewed): Radix's scroll lock inserts a
 * `<style>` element when a dialog or menu opens; a style runs no code, and with these sources it
 * can load nothing from elsewhere to carry data out.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy as the page's `<meta>` carries it, written literally in renderer/index.html (so the
 * scanner reads the real policy) and checked by the build: `frame-ancestors` only works as a
 * header (the app:// handler and the web host send the full policy), so it is left out.
 */
export const metaContentSecurityPolicy = contentSecurityPolicy
  .split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
