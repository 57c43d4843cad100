// @vitest-environment jsdom
// The filter controls show each value with its count, and ticking one changes the filter the timeline uses.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Facets, StatementFilter } from '../../../electron/contract/api';
import { FilterPanel } from '../../../renderer/filters/FilterPanel';
import { mount, type Mounted } from '../render';

const facets: Facets = {
  countries: [{ value: 'PK', label: 'PK', count: 11 }, { value: 'US', label: 'US', count: 2 }],
  speakers: [{ value: 'Matthew Miller', label: 'Matthew Miller', count: 5 }],
  orgs: [], topics: [{ value: 'fraud', label: 'fraud', count: 3 }],
  stances: [{ value: 'critical', label: 'critical', count: 4 }, { value: 'neutral', label: 'neutral', count: 7 }],
  feeds: [{ value: 'f1', label: 'Dawn', count: 11 }], languages: [{ value: 'ur', label: 'ur', count: 1 }],
  direct: [{ value: 'direct', label: 'direct', count: 3 }, { value: 'reported', label: 'reported', count: 8 }],
  review: [{ value: 'unreviewed', label: 'unreviewed', count: 10 }, { value: 'reviewed', label: 'reviewed', count: 1 }],
  perDay: [],
};

let m: Mounted | null = null;
afterEach(() => { m?.unmount(); m = null; });

const group = (c: HTMLElement, id: string): HTMLElement => c.querySelector(`[data-facet="${id}"]`)!;

describe('FilterPanel', () => {
  it('lists values with their counts and readable names', () => {
    m = mount(<FilterPanel filter={{}} facets={facets} folders={[]} onChange={() => {}} />);
    const countries = group(m.container, 'countries');
    expect(countries.textContent).toContain('Pakistan');
    expect(countries.textContent).toContain('11');
    expect(group(m.container, 'languages').textContent).toContain('Urdu');
    expect(m.container.textContent).toContain('Reported speech (8)');
  });

  it('ticking a value adds it to the filter; unticking removes it', () => {
    const onChange = vi.fn<(f: StatementFilter) => void>();
    m = mount(<FilterPanel filter={{ countries: ['PK'] }} facets={facets} folders={[]} onChange={onChange} />);
    const boxes = group(m.container, 'speakers').querySelectorAll('input[type=checkbox]');
    act(() => (boxes[0] as HTMLInputElement).click());
    expect(onChange).toHaveBeenLastCalledWith({ countries: ['PK'], speakers: ['Matthew Miller'] });
    const pk = group(m.container, 'countries').querySelector('input[type=checkbox]') as HTMLInputElement;
    expect(pk.checked).toBe(true);
    act(() => pk.click());
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('keeps a selected or excluded value visible when no statement has it, and can drop the exclusion', () => {
    const onChange = vi.fn<(f: StatementFilter) => void>();
    m = mount(<FilterPanel filter={{ speakers: ['Nobody'], exclude: { stances: ['neutral'] } }} facets={facets} folders={[]} onChange={onChange} />);
    expect(group(m.container, 'speakers').textContent).toContain('Nobody');
    const neutral = [...group(m.container, 'stances').querySelectorAll('label')].find((l) => l.textContent!.includes('neutral'))!;
    expect(neutral.className).toContain('excluded');
    act(() => (neutral.querySelector('input') as HTMLInputElement).click());
    expect(onChange).toHaveBeenLastCalledWith({ speakers: ['Nobody'] });
  });

  it('sets the kind and review state from the radio buttons', () => {
    const onChange = vi.fn<(f: StatementFilter) => void>();
    m = mount(<FilterPanel filter={{}} facets={facets} folders={[]} onChange={onChange} />);
    const radio = (name: string, label: string): HTMLInputElement =>
      [...m!.container.querySelectorAll(`input[name=${name}]`)].find((i) => i.parentElement!.textContent!.startsWith(label)) as HTMLInputElement;
    act(() => radio('kind', 'Direct').click());
    expect(onChange).toHaveBeenLastCalledWith({ direct: true });
    act(() => radio('review', 'Unreviewed').click());
    expect(onChange).toHaveBeenLastCalledWith({ reviewed: false });
  });
});
