// @vitest-environment jsdom
// The chart draws one bar segment per day and key, each with a readable tooltip, and switches to stances.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PerDayChart } from '../../../renderer/charts/PerDayChart';
import { mount, type Mounted } from '../render';

let m: Mounted | null = null;
afterEach(() => { m?.unmount(); m = null; });

describe('PerDayChart', () => {
  it('draws segments with titles and switches from countries to stances', () => {
    m = mount(<PerDayChart perDay={[
      { day: '2024-02-09', country: 'PK', stance: 'critical', count: 5 },
      { day: '2024-02-09', country: 'US', stance: 'critical', count: 2 },
    ]} />);
    const rects = [...m.container.querySelectorAll('rect')];
    expect(rects.map((r) => r.getAttribute('data-key'))).toEqual(['PK', 'US']);
    expect(rects[0]!.querySelector('title')!.textContent).toContain('Pakistan (PK): 5');
    const byStance = [...m.container.querySelectorAll('button')].find((b) => b.textContent === 'by stance')!;
    act(() => byStance.click());
    const after = [...m.container.querySelectorAll('rect')];
    expect(after.map((r) => [r.getAttribute('data-key'), r.getAttribute('data-count')])).toEqual([['critical', '7']]);
    expect(m.container.querySelector('.legend')!.textContent).toContain('critical');
  });

  it('says so when there is nothing to chart', () => {
    m = mount(<PerDayChart perDay={[]} />);
    expect(m.container.querySelector('svg')).toBeNull();
    expect(m.container.textContent).toContain('Nothing to chart');
  });
});
