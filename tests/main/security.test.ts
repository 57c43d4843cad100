// The hardening policies of the desktop app: window options, CSP, navigation, new windows, openExternal, permissions
// and requests, each against tables of hostile URLs; then the wiring onto stand-in webContents and session objects.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import {
  APP_INDEX_URL, CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, createHardenedWindow, externalUrl, hardenSession,
  hardenWebContents, isAppUrl, navigationDecision, permissionDecision, requestDecision, windowOpenDecision,
} from '../../electron/main/security.ts';

/** URLs that must never be treated as the app's own pages nor opened externally. */
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://app.pollwatch/%0aalert(1)',
  'file:///etc/passwd',
  'file://server/share/x.html',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'blob:https://evil.example/uuid',
  'smb://evil.example/share',
  'ms-msdt:/id PCWDiagnostic',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  '',
  '   ',
  'not a url',
];

const LOOKALIKE_APP = [
  'app://pollwatch.evil.example/index.html',
  'app://evil.example/pollwatch/index.html',
  'app://pollwatch@evil.example/index.html',
  'app://user:pass@pollwatch/index.html',
  'app://pollwatch:8080/index.html',
  'app://pollwatchx/index.html',
  'apps://pollwatch/index.html',
  'https://pollwatch/index.html',
  ' app://pollwatch/index.html',
  'app://pollwatch/index.html ',
  '\napp://pollwatch/index.html',
  'app://pollwatch/in\u0000dex.html',
  'app:pollwatch/index.html',
];

describe('the app window is created with the hardened webPreferences', () => {
  const capture = (options: Omit<BrowserWindowConstructorOptions, 'webPreferences'> = {}): BrowserWindowConstructorOptions => {
    let got: BrowserWindowConstructorOptions | null = null;
    class StandIn { constructor(o: BrowserWindowConstructorOptions) { got = o; } }
    createHardenedWindow(StandIn, options, '/app/dist-electron/preload.cjs', false);
    return got!;
  };

  it('isolates, sandboxes and keeps Node out of the page (checklist 2, 3, 4, 6, 8, 9, 10, 11)', () => {
    const wp = capture().webPreferences!;
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.webviewTag).toBe(false);
    expect(wp.enableBlinkFeatures).toBeUndefined();
    expect(wp.disableBlinkFeatures).toContain('Auxclick');
    expect(wp.preload).toBe('/app/dist-electron/preload.cjs');
    expect(wp.devTools).toBe(false);
  });

  it('cannot be weakened by the options the caller passes', () => {
    const sneaky = { width: 800, webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } } as unknown as Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
    const o = capture(sneaky);
    expect(o.width).toBe(800);
    expect(o.webPreferences!.nodeIntegration).toBe(false);
    expect(o.webPreferences!.contextIsolation).toBe(true);
    expect(o.webPreferences!.sandbox).toBe(true);
  });
});

describe('the Content Security Policy (checklist 7)', () => {
  it('loads nothing by default, scripts only from the app, no plugins, no framing, no base or form tricks', () => {
    expect(CSP_DIRECTIVES['default-src']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['base-uri']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['form-action']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['frame-ancestors']).toEqual(["'none'"]);
  });

  it('allows no remote origin, no inline or eval script anywhere in the header string', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    const script = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });
});

describe('app URLs', () => {
  it('accepts the app\'s own pages', () => {
    for (const u of [APP_INDEX_URL, 'app://pollwatch/', 'app://pollwatch/index.html#/statement/abc', 'app://pollwatch/assets/x.js?v=1']) {
      expect(isAppUrl(u), u).toBe(true);
    }
  });

  it('refuses look-alike hosts, other schemes, user info, ports and padded strings', () => {
    for (const u of [...LOOKALIKE_APP, ...HOSTILE]) expect(isAppUrl(u), JSON.stringify(u)).toBe(false);
    for (const u of [null, undefined, 42, {}, ['app://pollwatch/']]) expect(isAppUrl(u)).toBe(false);
  });
});

describe('navigation is locked to app:// (checklist 13)', () => {
  it('stays inside the app', () => {
    expect(navigationDecision('app://pollwatch/index.html#/feeds')).toEqual({ allow: true, openExternally: null });
  });

  it('refuses every other destination, and sends web links to the system browser instead', () => {
    for (const u of [...HOSTILE, ...LOOKALIKE_APP]) {
      const d = navigationDecision(u);
      expect(d.allow, JSON.stringify(u)).toBe(false);
      if (!u.startsWith('https://')) expect(d.openExternally, JSON.stringify(u)).toBeNull();
    }
    expect(navigationDecision('https://www.state.gov/briefings/')).toEqual({ allow: false, openExternally: 'https://www.state.gov/briefings/' });
    expect(navigationDecision('javascript:alert(1)').openExternally).toBeNull();
    expect(navigationDecision('file:///etc/passwd').openExternally).toBeNull();
  });
});

describe('window.open is always denied (checklist 14)', () => {
  it('denies app, web and hostile URLs alike; only web links go to the browser', () => {
    for (const u of ['app://pollwatch/index.html', 'https://example.org/a', ...HOSTILE, ...LOOKALIKE_APP]) {
      expect(windowOpenDecision(u).action).toBe('deny');
    }
    expect(windowOpenDecision('https://example.org/a?b=1#c').openExternally).toBe('https://example.org/a?b=1#c');
    for (const u of HOSTILE) expect(windowOpenDecision(u).openExternally, JSON.stringify(u)).toBeNull();
  });
});

describe('shell.openExternal gets only parsed http/https URLs (checklist 15)', () => {
  it('passes normalised http and https links', () => {
    expect(externalUrl('https://www.dawn.com/news/1812345')).toBe('https://www.dawn.com/news/1812345');
    expect(externalUrl('http://EXAMPLE.org')).toBe('http://example.org/');
    expect(externalUrl('https://xn--80ak6aa92e.com/')).toBe('https://xn--80ak6aa92e.com/');
  });

  it('refuses everything else', () => {
    const refused = [
      ...HOSTILE,
      ...LOOKALIKE_APP.filter((u) => !u.startsWith('https://')), // https://pollwatch/ is an ordinary web address
      'https://user:pw@evil.example/',
      'https://evil.example@good.example/',
      'https:///nohost',
      'http:/evil.example',
      ' https://example.org/',
      'https://example.org/\n',
      'https://exa mple.org/',
      'ftp://example.org/file',
      'mailto:someone@example.org',
      'x-apple.systempreferences:com.apple.preference',
      'https://' + 'a'.repeat(9000) + '.example/',
    ];
    for (const u of refused) expect(externalUrl(u), JSON.stringify(u).slice(0, 80)).toBeNull();
  });
});

describe('permissions (checklist 5)', () => {
  it('grants notifications to the app only', () => {
    expect(permissionDecision('notifications', 'app://pollwatch/index.html')).toBe(true);
    expect(permissionDecision('notifications', 'app://pollwatch')).toBe(true);
    for (const u of [...LOOKALIKE_APP, 'https://evil.example/', 'file:///x.html', undefined, null]) {
      expect(permissionDecision('notifications', u), String(u)).toBe(false);
    }
  });

  it('refuses every other permission, even to the app', () => {
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'serial', 'usb', 'display-capture', 'unknown']) {
      expect(permissionDecision(p, 'app://pollwatch/index.html'), p).toBe(false);
    }
  });
});

describe('no remote content in the app\'s session (checklist 1)', () => {
  it('loads the app\'s own files, data: and its blobs only', () => {
    expect(requestDecision('app://pollwatch/assets/index.js')).toBe(true);
    expect(requestDecision('data:image/png;base64,AAAA')).toBe(true);
    expect(requestDecision('blob:app://pollwatch/1234')).toBe(true);
    for (const u of ['https://cdn.example/x.js', 'http://127.0.0.1:8080/', 'ws://evil/', 'file:///etc/passwd', 'blob:https://evil/1', 'app://evil/x.js', 'devtools://devtools/x']) {
      expect(requestDecision(u), u).toBe(false);
    }
    expect(requestDecision('devtools://devtools/x', true)).toBe(true);
  });
});

/** A stand-in webContents: records listeners and the window-open handler. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void { this.windowOpenHandler = h; }
}

function fakeEvent(url: string, isMainFrame = true): { url: string; isMainFrame: boolean; prevented: boolean; preventDefault(): void } {
  return { url, isMainFrame, prevented: false, preventDefault() { this.prevented = true; } };
}

describe('hardenWebContents wires the policies onto a webContents', () => {
  const setup = () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContents, (url) => { opened.push(url); });
    return { contents, opened };
  };

  it('cancels navigation away from the app and opens web links externally', () => {
    const { contents, opened } = setup();
    const inside = fakeEvent('app://pollwatch/index.html#/x');
    contents.emit('will-navigate', inside);
    expect(inside.prevented).toBe(false);
    for (const u of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://pollwatch.evil.example/']) {
      const e = fakeEvent(u);
      contents.emit('will-navigate', e);
      expect(e.prevented, u).toBe(true);
    }
    expect(opened).toEqual(['https://evil.example/']);
  });

  it('cancels subframe navigation off the app (except srcdoc) and redirects off app://', () => {
    const { contents } = setup();
    const srcdoc = fakeEvent('about:srcdoc', false);
    contents.emit('will-frame-navigate', srcdoc);
    expect(srcdoc.prevented).toBe(false);
    const evil = fakeEvent('https://tracker.example/', false);
    contents.emit('will-frame-navigate', evil);
    expect(evil.prevented).toBe(true);
    const redirect = fakeEvent('https://evil.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
  });

  it('denies every new window and refuses every <webview>', () => {
    const { contents, opened } = setup();
    expect(contents.windowOpenHandler!({ url: 'https://example.org/a' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://pollwatch/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/a']);
    const attach = fakeEvent('');
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });
});

describe('hardenSession wires permissions and the request filter onto the session', () => {
  it('answers permission requests and checks, and cancels remote requests', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void) | null = null;
    let check: ((wc: unknown, p: string, origin: string) => boolean) | null = null;
    let before: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => { request = h; },
      setPermissionCheckHandler: (h: typeof check) => { check = h; },
      webRequest: { onBeforeRequest: (h: typeof before) => { before = h; } },
    };
    hardenSession(session as unknown as Session, false);
    const answers: boolean[] = [];
    request!(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'app://pollwatch/index.html' });
    request!(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://pollwatch/index.html' });
    request!(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([true, false, false]);
    expect(check!(null, 'notifications', 'app://pollwatch')).toBe(true);
    expect(check!(null, 'geolocation', 'app://pollwatch')).toBe(false);
    const cancels: boolean[] = [];
    before!({ url: 'https://cdn.example/x.js' }, (r) => cancels.push(r.cancel));
    before!({ url: 'app://pollwatch/index.html' }, (r) => cancels.push(r.cancel));
    expect(cancels).toEqual([true, false]);
  });
});

describe('a current Electron, pinned (checklist 16)', () => {
  it('package.json pins electron to an exact, recent version', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    const v = pkg.devDependencies.electron!;
    expect(v).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(v.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});
