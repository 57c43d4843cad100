// @vitest-environment jsdom
// A timeline row shows who said what in a way an analyst can trust: quotes vs reported speech, stance in words,
// low confidence flagged, right-to-left text handled, and untrusted text never turned into markup.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatementView } from '../../../electron/contract/api';
import { StatementRow } from '../../../renderer/timeline/StatementRow';
import { mount, type Mounted } from '../render';

const base: StatementView = {
  id: 's1', itemId: 'i1', feedId: 'f1', feedTitle: 'Dawn', itemTitle: 'Election', itemLink: null,
  date: '2024-02-09T10:30:00Z', dateFromFetch: false, language: 'en', quote: 'the elections were not free',
  start: 0, end: 10, direct: true, speaker: 'Matthew Miller', speakerRole: 'spokesman', speakerOrg: 'US State Department',
  speakerCountry: 'US', aboutCountry: 'PK', topics: ['fraud'], stance: 'critical', confidence: 0.9, cue: 'said',
  context: '', reviewed: false, starred: false, note: null, corrected: false,
};

let m: Mounted | null = null;
afterEach(() => { m?.unmount(); m = null; });

const row = (s: Partial<StatementView>, handlers: Partial<Record<'onSelect' | 'onOpen' | 'onToggleReviewed' | 'onToggleStar', () => void>> = {}) => {
  m = mount(<StatementRow statement={{ ...base, ...s }} selected={false} onSelect={handlers.onSelect ?? (() => {})}
    onOpen={handlers.onOpen ?? (() => {})} onToggleReviewed={handlers.onToggleReviewed ?? (() => {})} onToggleStar={handlers.onToggleStar ?? (() => {})} />);
  return m.container;
};

describe('StatementRow', () => {
  it('shows a direct quote in quotation marks with speaker, role, organisation and countries', () => {
    const c = row({});
    const q = c.querySelector('q')!;
    expect(q.textContent).toBe('the elections were not free');
    expect(q.getAttribute('dir')).toBe('auto');
    expect(c.textContent).toContain('Matthew Miller');
    expect(c.textContent).toContain('spokesman, US State Department');
    expect(c.textContent).toContain('Pakistan');
    expect(c.textContent).toContain('Dawn');
    expect(c.textContent).not.toMatch(/reported/);
  });

  it('marks reported speech as such and does not put it in quotation marks', () => {
    const c = row({ direct: false });
    expect(c.querySelector('q')).toBeNull();
    expect(c.querySelector('.kind')!.textContent).toBe('reported');
  });

  it('says the stance in words, not colour alone', () => {
    const c = row({ stance: 'defensive' });
    const tag = c.querySelector('[data-stance]')!;
    expect(tag.textContent).toContain('defensive');
  });

  it('shows the confidence only when it is low', () => {
    expect(row({ confidence: 0.9 }).textContent).not.toMatch(/confidence/);
    m!.unmount(); m = null;
    expect(row({ confidence: 0.42 }).textContent).toContain('low confidence 42%');
  });

  it('renders Urdu text with dir=auto so it reads right to left', () => {
    const c = row({ quote: 'انتخابات شفاف نہیں تھے', speaker: 'ترجمان', language: 'ur' });
    expect(c.querySelector('q')!.getAttribute('dir')).toBe('auto');
    expect(c.querySelector('.speaker')!.getAttribute('dir')).toBe('auto');
  });

  it('renders markup in a quote, speaker or note as plain text', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const c = row({ quote: payload, speaker: payload, note: payload, feedTitle: payload });
    expect(c.querySelector('img, script')).toBeNull();
    expect(c.querySelector('q')!.textContent).toBe(payload);
  });

  it('stars and marks reviewed from its buttons without also selecting the row', () => {
    const onSelect = vi.fn(), onToggleStar = vi.fn(), onToggleReviewed = vi.fn();
    const c = row({}, { onSelect, onToggleStar, onToggleReviewed });
    (c.querySelector('button[aria-label="Star"]') as HTMLButtonElement).click();
    (c.querySelector('button[aria-label="Mark reviewed"]') as HTMLButtonElement).click();
    expect(onToggleStar).toHaveBeenCalledTimes(1);
    expect(onToggleReviewed).toHaveBeenCalledTimes(1);
    expect(onSelect).not.toHaveBeenCalled();
  });
});
