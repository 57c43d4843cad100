// Shows an item's (already sanitised) feed HTML in a sandboxed iframe: no scripts, no same origin, its own CSP.
import { strings } from '../strings';

/** The CSP inside the frame: nothing loads but images and inline styles. */
export const FRAME_CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";
/** Only popups (links open outside the app); never allow-scripts or allow-same-origin. */
export const FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The srcdoc document: CSP first, links to new windows, text direction from content. */
export function frameDocument(html: string, lang: string | null): string {
  return '<!doctype html><html' + (lang ? ` lang="${escapeAttr(lang)}"` : '') + ' dir="auto"><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`
    + '<meta name="referrer" content="no-referrer">'
    + '<base target="_blank">'
    + '<style>body{font:15px/1.6 system-ui,sans-serif;margin:14px 18px;color:#1b1f24;background:#fff;word-wrap:break-word}'
    + 'img,video,figure{max-width:100%;height:auto}a{color:#2459c9}</style></head><body>'
    + html
    + '</body></html>';
}

export function SandboxedHtml({ html, lang }: { html: string; lang: string | null }) {
  return (
    <iframe
      title={strings.article.frameTitle}
      sandbox={FRAME_SANDBOX}
      referrerPolicy="no-referrer"
      srcDoc={frameDocument(html, lang)}
    />
  );
}
