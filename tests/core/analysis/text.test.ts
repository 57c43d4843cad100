// Plain text of items: HTML becomes readable paragraphs, and the best source of an item is chosen.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, itemPlainText, needsFullText } from '../../../electron/core/analysis/text.js';

describe('htmlToText', () => {
  it('keeps paragraphs as blocks separated by a blank line and <br> as a line break', () => {
    const html = '<p>First paragraph\n  spread   over lines.</p><p>Second<br>line two<br/>line three</p><div>Third</div>';
    expect(htmlToText(html)).toBe('First paragraph spread over lines.\n\nSecond\nline two\nline three\n\nThird');
  });

  it('decodes named, decimal and hex entities, and leaves unknown ones as written', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; &#8220;quotes&#x201D; &nbsp;x &bogus; AT&T</p>')).toBe('Café & “quotes” x &bogus; AT&T');
    expect(decodeEntities('&#150; &lt;b&gt;')).toBe('– <b>');
  });

  it('drops scripts, styles, comments and head, but keeps text around them', () => {
    const html = '<html><head><title>T</title><style>p{color:red}</style></head><body><p>Before</p><script>var s = "<p>not text</p>";</script><!-- hidden --><p>After</p></body></html>';
    expect(htmlToText(html)).toBe('Before\n\nAfter');
  });

  it('is not fooled by ">" inside attribute values or stray "<" in text', () => {
    expect(htmlToText('<p><a title="a > b" href="x">link</a> and 3 < 4</p>')).toBe('link and 3 < 4');
  });

  it('turns list items and headings into their own blocks', () => {
    expect(htmlToText('<h2>Head</h2><ul><li>one</li><li>two</li></ul>')).toBe('Head\n\none\n\ntwo');
  });

  it('keeps the paragraphs of a plain-text summary', () => {
    expect(htmlToText('Line one\r\n\r\nLine  two &amp; more')).toBe('Line one\n\nLine two & more');
  });

  it('survives hostile input: 5 MB of unclosed tags, mixed scripts and right-to-left text', () => {
    const chunk = '<p>انتخابات الرئاسة <a title="unclosed>\u202e Выборы 選挙 <b><i>';
    const html = chunk.repeat(Math.ceil(5_000_000 / chunk.length));
    const text = htmlToText(html);
    expect(text.length).toBeGreaterThan(1000);
    expect(text).toContain('انتخابات');
  });
});

describe('itemPlainText', () => {
  const base = { title: 'Headline', summary: '<p>Short teaser.</p>', content: '<p>The whole story.</p><p>Second paragraph.</p>' };
  it('prefers fetched full text, then content, then summary, headed by the title', () => {
    expect(itemPlainText({ ...base, fulltextText: 'Full article text.' })).toBe('Headline\n\nFull article text.');
    expect(itemPlainText(base)).toBe('Headline\n\nThe whole story.\n\nSecond paragraph.');
    expect(itemPlainText({ ...base, content: null })).toBe('Headline\n\nShort teaser.');
  });
  it('reads the summary when the "content" is only a shorter teaser of it', () => {
    expect(itemPlainText({ title: null, summary: '<p>The full story as the feed gives it in its summary, with all the details.</p>', content: '<p>Teaser.</p>' }))
      .toBe('The full story as the feed gives it in its summary, with all the details.');
  });
  it('does not repeat a title the body already starts with, and works without a title', () => {
    expect(itemPlainText({ title: 'Headline', summary: null, content: '<p>Headline</p><p>Body</p>' })).toBe('Headline\n\nBody');
    expect(itemPlainText({ title: null, summary: 'Only summary', content: null })).toBe('Only summary');
  });
});

describe('needsFullText', () => {
  it('asks for the page when the item has only a short summary and a link', () => {
    expect(needsFullText({ summary: '<p>Teaser…</p>', content: null, link: 'https://news.example/a' })).toBe(true);
  });
  it('does not when the item carries its story or has no web link', () => {
    const long = `<p>${'A full paragraph of the story. '.repeat(40)}</p>`;
    expect(needsFullText({ summary: 'Teaser', content: long, link: 'https://news.example/a' })).toBe(false);
    expect(needsFullText({ summary: 'Teaser', content: null, link: null })).toBe(false);
    expect(needsFullText({ summary: 'Teaser', content: null, link: 'mailto:x@example.org' })).toBe(false);
  });
});
