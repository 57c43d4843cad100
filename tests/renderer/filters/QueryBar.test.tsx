// @vitest-environment jsdom
// The query box and the filter controls stay in sync: it shows the current filter as a query, and a typed query
// becomes the filter (with malformed parts reported).
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatementFilter } from '../../../electron/contract/api';
import { QueryBar } from '../../../renderer/filters/QueryBar';
import { mount, type Mounted } from '../render';

let m: Mounted | null = null;
afterEach(() => { m?.unmount(); m = null; });

function type(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('QueryBar', () => {
  it('shows the query of the current filter and follows changes made by the controls', () => {
    const noop = (): void => {};
    m = mount(<QueryBar filter={{ countries: ['PK'] }} onApply={noop} onErrors={noop} />);
    const input = m.container.querySelector('input')!;
    expect(input.value).toBe('country:PK');
    m.rerender(<QueryBar filter={{ countries: ['PK'], speakers: ['Matthew Miller'] }} onApply={noop} onErrors={noop} />);
    expect(input.value).toBe('speaker:"Matthew Miller" country:PK');
  });

  it('applies a typed query as a filter and reports malformed parts', () => {
    const onApply = vi.fn<(f: StatementFilter) => void>();
    const onErrors = vi.fn<(e: string[]) => void>();
    m = mount(<QueryBar filter={{}} onApply={onApply} onErrors={onErrors} />);
    const input = m.container.querySelector('input')!;
    type(input, 'speaker:"Matthew Miller" country:PK date:2024-02-01/2024-02-29 -stance:neutral stance:angry shutdown');
    act(() => m!.container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(onApply).toHaveBeenCalledWith({
      speakers: ['Matthew Miller'], countries: ['PK'], from: '2024-02-01', to: '2024-02-29',
      exclude: { stances: ['neutral'] }, text: 'shutdown',
    });
    expect(onErrors.mock.calls[0]![0]).toHaveLength(1);
    expect(onErrors.mock.calls[0]![0][0]).toContain('stance:angry');
  });
});
