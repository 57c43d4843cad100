// app:// serves the built renderer from its folder with the CSP header, and nothing outside that folder.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, handleAppProtocol, resolveAppPath, serveAppRequest } from '../../electron/main/protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.ts';

let tmp: string;
let root: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-protocol-'));
  root = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>Pollwatch</title><div id="root"></div>');
  await fs.writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log("timeline")');
  await fs.writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await fs.writeFile(path.join(tmp, 'secret.txt'), 'the user\'s secret');
  await fs.symlink(path.join(tmp, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root);

describe('app:// serves the renderer', () => {
  it('serves index.html with the CSP and nosniff headers', async () => {
    const res = await get('app://pollwatch/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves scripts and styles with their types, and "/" or an app route as index.html', async () => {
    const js = await get('app://pollwatch/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("timeline")');
    expect((await get('app://pollwatch/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await (await get('app://pollwatch/')).text()).toContain('Pollwatch');
    expect(await (await get('app://pollwatch/statement/abc')).text()).toContain('Pollwatch');
    expect(await (await get('app://pollwatch/index.html?x=1#/statement/abc')).text()).toContain('Pollwatch');
  });

  it('puts the CSP on error answers too', async () => {
    const res = await get('app://pollwatch/assets/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://pollwatch/index.html', 'POST')).status).toBe(405);
    const head = await get('app://pollwatch/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('app:// refuses paths that leave the renderer folder', () => {
  const escapes = [
    'app://pollwatch/../secret.txt',
    'app://pollwatch/%2e%2e/secret.txt',
    'app://pollwatch/assets/%2E%2E/%2E%2E/secret.txt',
    'app://pollwatch/..%2fsecret.txt',
    'app://pollwatch/..%2Fsecret.txt',
    'app://pollwatch/assets/..%5c..%5csecret.txt',
    'app://pollwatch/%00index.html',
    'app://pollwatch/index.html%00.js',
    'app://pollwatch/C:%5cWindows%5cwin.ini',
    'app://pollwatch/assets/link.txt',
    'app://evil/index.html',
    'app://pollwatch.evil/index.html',
    'app://pollwatch:99/index.html',
    'file:///etc/passwd',
  ];

  it('never returns a file outside the folder', async () => {
    for (const url of [...escapes, 'app://pollwatch/' + encodeURIComponent(path.join(tmp, 'secret.txt'))]) {
      const res = await get(url);
      const body = await res.text();
      expect(body, url).not.toContain('secret');
      expect([404, 200], url).toContain(res.status);
      if (res.status === 200) expect(body, url).toContain('Pollwatch'); // normalised back inside: index.html
    }
  });

  it('maps URLs to files inside the folder only', () => {
    expect(resolveAppPath('app://pollwatch/assets/index-abc.js', '/r')).toBe(path.resolve('/r/assets/index-abc.js'));
    expect(resolveAppPath('app://pollwatch/..%2f..%2fetc/passwd', '/r')).toBeNull();
    expect(resolveAppPath('app://pollwatch/a%5cb.js', '/r')).toBeNull();
    expect(resolveAppPath('app://other/index.html', '/r')).toBeNull();
    expect(resolveAppPath('not a url', '/r')).toBeNull();
    expect(resolveAppPath('app://pollwatch/%E0%A4%A.js', '/r')).toBeNull();
  });
});

describe('registration', () => {
  it('registers app:// as a standard secure scheme and installs the handler on it', async () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges.secure).toBe(true);
    let scheme = '';
    let handler: ((r: Request) => Promise<Response>) | null = null;
    handleAppProtocol({ handle: ((s: string, h: (r: Request) => Promise<Response>) => { scheme = s; handler = h; }) as never }, root);
    expect(scheme).toBe('app');
    expect((await handler!(new Request('app://pollwatch/index.html'))).status).toBe(200);
  });
});
