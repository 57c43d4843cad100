// `npm run dist:check`: validates electron-builder.yml offline — electron-builder's own schema check, then Pollwatch's
// rules: app id and name, asar, the security fuses, the installer targets, the icons at every size the targets need,
// and files limited to the build output. Prints one line; exits 1 on any problem.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The fuse values Pollwatch ships with (checklist item 19). */
export const REQUIRED_FUSES = Object.freeze({
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
});

export const REQUIRED_TARGETS = Object.freeze({ linux: ['AppImage', 'deb'], win: ['nsis'], mac: ['dmg'] });

export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

/** The only patterns `files` may hold: build output, the manifest, the starter feed list, tray icons, exclusions. */
export const ALLOWED_FILES = ['dist/**', 'dist-electron/**', 'package.json', 'assets/*.opml', 'assets/icons/*.png'];

function pngSize(buf) {
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The sizes held by an .ico file (256 is stored as 0), or null when it is not an icon file. */
function icoSizes(buf) {
  if (buf.length < 6 || buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) return null;
  const n = buf.readUInt16LE(4);
  const sizes = [];
  for (let i = 0; i < n && 6 + 16 * (i + 1) <= buf.length; i++) sizes.push(buf[6 + 16 * i] || 256);
  return sizes;
}

const targetNames = (platform) => {
  const t = platform?.target;
  const list = Array.isArray(t) ? t : t ? [t] : [];
  return list.map((x) => (typeof x === 'string' ? x : x?.target)).filter(Boolean);
};

/** Loads the configuration the way electron-builder does (electron-builder.yml, else package.json "build"). */
export async function loadBuilderConfig(projectDir = PROJECT, configPath = null) {
  const require = createRequire(path.join(projectDir, 'package.json'));
  const { getConfig } = require('app-builder-lib/out/util/config/config');
  // electron-builder logs "loaded configuration" to stdout; this check prints only its own line.
  const { log } = require('builder-util');
  const stream = log.stream;
  log.stream = { write: () => true, isTTY: false };
  try {
    return await getConfig(projectDir, configPath, null);
  } finally {
    log.stream = stream;
  }
}

/** The plain patterns of a `files` list as electron-builder normalises it ([{ filter: [...] }]), or null if it has from/to sets. */
export function filePatterns(files) {
  const list = Array.isArray(files) ? files : files ? [files] : [];
  const out = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (item && item.from == null && item.to == null && Array.isArray(item.filter)) out.push(...item.filter);
    else return null;
  }
  return out;
}

/** Every problem found in the configuration (an empty list when it is fine). */
export async function checkBuilderConfig(projectDir = PROJECT, configPath = null) {
  const require = createRequire(path.join(projectDir, 'package.json'));
  const problems = [];
  let config;
  try {
    config = await loadBuilderConfig(projectDir, configPath);
  } catch (err) {
    return { config: null, problems: [`cannot read the configuration: ${String(err?.message ?? err).split('\n')[0]}`] };
  }
  try {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await validateConfiguration(config, new DebugLogger(false));
  } catch (err) {
    const lines = String(err?.message ?? err).split('\n').map((l) => l.trim().replace(/^- /, ''));
    problems.push(`schema: ${lines.find((l) => l.startsWith('configuration')) ?? lines[0]}`);
  }

  if (typeof config.appId !== 'string' || !/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/i.test(config.appId)) problems.push('appId must be a reverse-DNS id');
  if (config.productName !== 'Pollwatch') problems.push('productName must be Pollwatch');
  if (config.asar !== true) problems.push('asar must be true');

  const fuses = config.electronFuses ?? {};
  for (const [fuse, want] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== want) problems.push(`electronFuses.${fuse} must be ${want}`);
  }

  for (const [platform, wanted] of Object.entries(REQUIRED_TARGETS)) {
    const have = targetNames(config[platform]);
    for (const t of wanted) if (!have.includes(t)) problems.push(`${platform} targets must include ${t}`);
  }

  const res = (p) => path.resolve(projectDir, p);
  const buildResources = config.directories?.buildResources ?? 'build';
  const linuxIcon = config.linux?.icon ?? path.join(buildResources, 'icons');
  for (const size of ICON_SIZES) {
    const file = res(path.join(linuxIcon, `${size}x${size}.png`));
    let got = null;
    try { got = pngSize(fs.readFileSync(file)); } catch { /* missing */ }
    if (!got) problems.push(`icon ${path.relative(projectDir, file)} is missing or not a PNG`);
    else if (got.width !== size || got.height !== size) problems.push(`icon ${path.relative(projectDir, file)} is ${got.width}x${got.height}`);
  }
  try {
    const sizes = icoSizes(fs.readFileSync(res(config.win?.icon ?? path.join(buildResources, 'icon.ico'))));
    if (!sizes) problems.push('win.icon is not an .ico file');
    else for (const s of [16, 32, 48, 256]) if (!sizes.includes(s)) problems.push(`win.icon lacks the ${s}px image`);
  } catch { problems.push('win.icon is missing'); }
  try {
    const got = pngSize(fs.readFileSync(res(config.mac?.icon ?? path.join(buildResources, 'icon.png'))));
    if (!got || got.width < 512 || got.width !== got.height) problems.push('mac.icon must be a square PNG of at least 512px');
  } catch { problems.push('mac.icon is missing'); }

  const files = filePatterns(config.files) ?? [];
  if (filePatterns(config.files) === null) problems.push('files entries must be plain patterns (no from/to sets)');
  else if (files.length === 0) problems.push('files must be listed (else the whole project is packed)');
  for (const f of files) {
    if (typeof f !== 'string') { problems.push('files entries must be plain patterns'); continue; }
    if (f.startsWith('!')) continue;
    if (!ALLOWED_FILES.includes(f)) problems.push(`files must be limited to the build output: "${f}" is not allowed`);
  }
  for (const f of ['dist/**', 'dist-electron/**', 'package.json']) if (!files.includes(f)) problems.push(`files must include ${f}`);
  try {
    const pkg = JSON.parse(fs.readFileSync(res('package.json'), 'utf8'));
    if (typeof pkg.main !== 'string' || !pkg.main.startsWith('dist-electron/')) problems.push('package.json "main" must point into dist-electron/');
  } catch { problems.push('package.json cannot be read'); }
  return { config, problems };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const configPath = process.argv[2] ?? null;
  checkBuilderConfig(PROJECT, configPath).then(({ problems }) => {
    if (problems.length === 0) {
      console.log(`dist:check: electron-builder config OK (schema, ${Object.keys(REQUIRED_FUSES).length} fuses, AppImage+deb/nsis/dmg, icons ${ICON_SIZES[0]}-${ICON_SIZES.at(-1)}px, files limited to build output)`);
    } else {
      console.log(`dist:check: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
  }, (err) => {
    console.log(`dist:check: failed: ${String(err?.message ?? err).split('\n')[0]}`);
    process.exitCode = 1;
  });
}
