// Serves the built renderer (dist/renderer) on app://pollwatch/ with the CSP header (checklist items 7 and 18):
// GET/HEAD only, the app's host only, paths that leave the renderer folder (../, %2e%2e, backslashes, symlinks) refused.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
};

/** The privileges app:// is registered with, before the app is ready (a standard, secure origin with fetch). */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
});

/** Headers every app:// response carries. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * Maps an app:// URL to a file path inside rootDir, or null when the URL is not the app's or would leave rootDir.
 * "/" and extension-less paths (client-side routes) map to index.html.
 */
export function resolveAppPath(rawUrl: string, rootDir: string): string | null {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST || u.port !== '' || u.username !== '' || u.password !== '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null;
  let rel = segments.join('/');
  if (rel === '' || path.posix.extname(rel) === '') rel = 'index.html';
  const root = path.resolve(rootDir);
  const full = path.resolve(root, rel);
  const back = path.relative(root, full);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return null;
  return full;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** Answers one app:// request from rootDir (the protocol handler's body; testable with a plain Request). */
export async function serveAppRequest(request: Request, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppPath(request.url, rootDir);
  if (!file) return plain(404, 'Not found');
  try {
    // A symlink inside the renderer folder must not lead outside it.
    const [realRoot, realFile] = await Promise.all([fs.realpath(path.resolve(rootDir)), fs.realpath(file)]);
    const back = path.relative(realRoot, realFile);
    if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return plain(404, 'Not found');
    const stat = await fs.stat(realFile);
    if (!stat.isFile()) return plain(404, 'Not found');
    const type = MIME[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream';
    const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(realFile));
    return new Response(body, { status: 200, headers: securityHeaders(type) });
  } catch {
    return plain(404, 'Not found');
  }
}

/** Installs the app:// handler (after the app is ready). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rootDir));
}
