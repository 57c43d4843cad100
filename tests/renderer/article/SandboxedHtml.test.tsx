// @vitest-environment jsdom
// Feed HTML is shown only in a frame that can run no script, has no same-origin access and carries its own CSP.
import { afterEach, describe, expect, it } from 'vitest';
import { FRAME_CSP, SandboxedHtml, frameDocument } from '../../../renderer/article/SandboxedHtml';
import { mount, type Mounted } from '../render';

let m: Mounted | null = null;
afterEach(() => { m?.unmount(); m = null; });

describe('SandboxedHtml', () => {
  it('sandboxes the frame with popups only: no allow-scripts, no allow-same-origin', () => {
    m = mount(<SandboxedHtml html="<p>hi</p>" lang="en" />);
    const frame = m.container.querySelector('iframe')!;
    const tokens = (frame.getAttribute('sandbox') ?? '').split(/\s+/).sort();
    expect(tokens).toEqual(['allow-popups', 'allow-popups-to-escape-sandbox']);
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(frame.hasAttribute('src')).toBe(false);
  });

  it('puts the CSP meta first in the frame document, before any feed markup', () => {
    const doc = frameDocument('<p>hi</p><meta http-equiv="refresh" content="0;url=https://evil.example/">', 'ur');
    const csp = doc.indexOf('Content-Security-Policy');
    expect(csp).toBeGreaterThan(0);
    expect(csp).toBeLessThan(doc.indexOf('<p>hi</p>'));
    expect(doc).toContain(`content="${FRAME_CSP}"`);
    expect(FRAME_CSP).toContain("default-src 'none'");
    expect(FRAME_CSP).not.toMatch(/script-src/);
    expect(doc).toContain('dir="auto"');
    expect(doc).toContain('<base target="_blank">');
  });

  it('cannot be steered out of the lang attribute', () => {
    const doc = frameDocument('', 'en"><script>alert(1)</script>');
    expect(doc).not.toContain('<script>');
  });
});
