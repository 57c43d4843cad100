// Electron's security checklist for Pollwatch, in one place and named: the hardened window, the CSP, and the
// navigation / new-window / openExternal / permission / request policies as pure functions, plus hardenWebContents()
// and hardenSession() that wire them onto Electron objects. Imports only types from electron, so tests load it as is.
//
// The 20 items of https://www.electronjs.org/docs/latest/tutorial/security#checklist-security-recommendations:
//  1 Only load secure content ............ requestDecision(): the app's session loads app://pollwatch and data:/blob: only
//  2 No Node.js integration for remote content ... createHardenedWindow(): nodeIntegration* false (and no remote content, 1)
//  3 Context isolation ................... createHardenedWindow(): contextIsolation true
//  4 Process sandboxing .................. createHardenedWindow(): sandbox true, and app.enableSandbox() in app.ts
//  5 Session permission requests ......... permissionDecision(): notifications from app://pollwatch only
//  6 Do not disable webSecurity .......... createHardenedWindow(): webSecurity true
//  7 Content Security Policy ............. CONTENT_SECURITY_POLICY (electron/contract/csp.ts, shared with browser mode), sent as a response header by protocol.ts
//  8 No allowRunningInsecureContent ...... createHardenedWindow(): allowRunningInsecureContent false
//  9 No experimental features ............ createHardenedWindow(): experimentalFeatures false
// 10 No enableBlinkFeatures .............. createHardenedWindow() sets none (a test asserts it); it disables Auxclick
// 11 <webview> allowpopups ............... not applicable: webviewTag = false, and will-attach-webview is refused
// 12 <webview> options and params ........ not applicable for the same reason: hardenWebContents() refuses every webview
// 13 Limit navigation .................... navigationDecision(): app://pollwatch only; http(s) goes to the system browser
// 14 Limit new windows ................... windowOpenDecision(): every window.open is denied
// 15 shell.openExternal with untrusted content ... externalUrl(): parsed, http/https only, no credentials
// 16 A current Electron ................. electron 45.5.0 pinned exactly in package.json
// 17 Validate the sender of IPC messages . ipc.ts: isAppSender() on event.senderFrame.url before every call
// 18 Custom protocol instead of file:// .. protocol.ts serves app://pollwatch/ (path traversal refused);
//                                          the grantFileProtocolExtraPrivileges fuse is off
// 19 Fuses ............................... electron-builder.yml electronFuses (tests/main/fuses.test.ts checks them)
// 20 No Electron APIs for untrusted content ... preload.cts exposes the contract's methods only, never ipcRenderer
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pollwatch';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window shows. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Items 2, 3, 4, 6, 8, 9, 10, 11: every Pollwatch window is created here, with these webPreferences written out as
 * literals (so Electronegativity can read them too) after the caller's options, which therefore cannot override them.
 * Auxclick is disabled so a middle-click cannot open a link in a new window (the new-window policy denies it anyway).
 */
export function createHardenedWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preloadPath: string,
  devTools: boolean,
): W {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: preloadPath,
      devTools,
    },
  });
}

/**
 * Item 7: the Content Security Policy of the app's pages. Scripts, styles, fonts and images come from the app itself
 * (data: images for inline icons); no network, no plugins, no framing by others, no form posts, no <base> tricks.
 * Styles allow 'unsafe-inline' because React and the sanitised article HTML set style attributes; scripts never do.
 * Frames: the article view is a sandboxed srcdoc iframe (about:srcdoc). Browser mode's electron/http/csp.ts matches.
 */
export { CSP_DIRECTIVES, CONTENT_SECURITY_POLICY } from '../contract/csp.js';

/** Parses a URL string strictly: no surrounding whitespace or control characters (the URL parser would strip them). */
function parseStrict(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  // eslint-disable-next-line no-control-regex
  if (raw !== raw.trim() || /[\u0000-\u001f\u007f\s]/.test(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for a URL of the app's own pages: app://pollwatch/… exactly (no look-alike host, no port, no user info). */
export function isAppUrl(raw: unknown): boolean {
  const u = parseStrict(raw);
  if (!u) return false;
  return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/**
 * Item 15: the URL to hand to shell.openExternal, or null. Only http and https, parsed first; the normalised href is
 * returned (never the raw string), so "javascript:", "file:", "data:", custom schemes and padded strings are refused.
 */
export function externalUrl(raw: unknown): string | null {
  // The string itself must read scheme://host: forms the URL parser repairs ("https:///x", "http:/x") are refused.
  if (typeof raw !== 'string' || !/^https?:\/\/[^/\\]/i.test(raw)) return null;
  const u = parseStrict(raw);
  if (!u) return null;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname || u.username !== '' || u.password !== '') return null;
  return u.href;
}

export interface NavigationDecision {
  /** Whether the window may go there itself. */
  allow: boolean;
  /** An http(s) URL to open in the user's browser instead, or null. */
  openExternally: string | null;
}

/** Item 13: the window may only navigate within app://pollwatch; a web link opens in the system browser instead. */
export function navigationDecision(raw: unknown): NavigationDecision {
  if (isAppUrl(raw)) return { allow: true, openExternally: null };
  return { allow: false, openExternally: externalUrl(raw) };
}

/** Item 14: window.open and target=_blank never create an Electron window; web links go to the system browser. */
export function windowOpenDecision(raw: unknown): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: externalUrl(raw) };
}

/** Item 5: the only permission the app grants is notifications, and only to its own pages. */
export function permissionDecision(permission: string, requestingUrl: unknown): boolean {
  if (permission !== 'notifications') return false;
  if (typeof requestingUrl !== 'string') return false;
  return isAppUrl(requestingUrl);
}

/**
 * Item 1: what the app's session may load. Its own pages, and data:/blob: made by those pages; devtools:// only
 * when developer tools are enabled. Everything else (http, https, file, ws, ftp…) is cancelled: no remote content.
 */
export function requestDecision(raw: unknown, devTools = false): boolean {
  if (typeof raw !== 'string') return false;
  if (isAppUrl(raw)) return true;
  if (raw.startsWith('data:') || raw.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (devTools && (raw.startsWith('devtools://') || raw.startsWith('chrome-extension://'))) return true;
  return false;
}

/**
 * Wires items 11–15 onto one webContents (called for every webContents the app creates, from app.ts's
 * 'web-contents-created'): navigation and redirects locked to app://, new windows denied, webviews refused.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => unknown): void {
  const guard = (event: { preventDefault(): void }, url: string): void => {
    const d = navigationDecision(url);
    if (d.allow) return;
    event.preventDefault();
    if (d.openExternally) void Promise.resolve(openExternal(d.openExternally)).catch(() => undefined);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    // The main frame is covered by will-navigate. Subframes (the sandboxed article iframe) may show about:srcdoc or
    // about:blank; a link clicked inside one never loads there but opens in the system browser.
    if (event.isMainFrame || event.url === 'about:srcdoc' || event.url === 'about:blank') return;
    guard(event, event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const d = windowOpenDecision(url);
    if (d.openExternally) void Promise.resolve(openExternal(d.openExternally)).catch(() => undefined);
    return { action: d.action };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Wires items 1 and 5 onto the app's session: permission request/check handlers and the request filter. */
export function hardenSession(session: Session, devTools: boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionDecision(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestDecision(details.url, devTools) });
  });
}
