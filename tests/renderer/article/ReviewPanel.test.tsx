// @vitest-environment jsdom
// Correcting an attribution sends only what the analyst changed (speaker, country, stance); notes can be saved.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Correction, StatementView } from '../../../electron/contract/api';
import { ReviewPanel } from '../../../renderer/article/ReviewPanel';
import { mount, type Mounted } from '../render';

const s: StatementView = {
  id: 's1', itemId: 'i1', feedId: 'f1', feedTitle: 'Dawn', itemTitle: null, itemLink: null, date: '2024-02-09T10:00:00Z',
  dateFromFetch: false, language: 'en', quote: 'q', start: 0, end: 1, direct: false, speaker: 'A spokesman', speakerRole: null,
  speakerOrg: null, speakerCountry: null, aboutCountry: 'PK', topics: [], stance: 'neutral', confidence: 0.5, cue: null,
  context: '', reviewed: false, starred: false, note: null, corrected: false,
};

let m: Mounted | null = null;
afterEach(() => { m?.unmount(); m = null; });

function setValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
const submit = (form: HTMLFormElement): void => act(() => { form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });

describe('ReviewPanel', () => {
  it('sends a correction with only the changed fields', () => {
    const onCorrect = vi.fn<(c: Correction) => void>();
    m = mount(<ReviewPanel statement={s} onReviewed={() => {}} onStar={() => {}} onNote={() => {}} onCorrect={onCorrect} />);
    const open = [...m.container.querySelectorAll('button')].find((b) => b.textContent === 'Correct attribution')!;
    act(() => open.click());
    setValue(m.container.querySelector('#corr-speaker')!, 'Tariq Shah');
    setValue(m.container.querySelector('#corr-stance')!, 'defensive');
    submit(m.container.querySelector('form.correct-form')!);
    expect(onCorrect).toHaveBeenCalledWith({ speaker: 'Tariq Shah', stance: 'defensive' });
  });

  it('upper-cases a country code and clears an emptied speaker to null', () => {
    const onCorrect = vi.fn<(c: Correction) => void>();
    m = mount(<ReviewPanel statement={s} onReviewed={() => {}} onStar={() => {}} onNote={() => {}} onCorrect={onCorrect} />);
    act(() => [...m!.container.querySelectorAll('button')].find((b) => b.textContent === 'Correct attribution')!.click());
    setValue(m.container.querySelector('#corr-speaker')!, '');
    setValue(m.container.querySelector('#corr-country')!, 'bd');
    submit(m.container.querySelector('form.correct-form')!);
    expect(onCorrect).toHaveBeenCalledWith({ speaker: null, aboutCountry: 'BD' });
  });

  it('saves a note, and an emptied note as null', () => {
    const onNote = vi.fn<(n: string | null) => void>();
    m = mount(<ReviewPanel statement={s} onReviewed={() => {}} onStar={() => {}} onNote={onNote} onCorrect={() => {}} />);
    const area = m.container.querySelector('textarea')!;
    setValue(area, '  Check the ECP release ');
    submit(area.form!);
    expect(onNote).toHaveBeenLastCalledWith('Check the ECP release');
    m.rerender(<ReviewPanel statement={{ ...s, note: 'old' }} onReviewed={() => {}} onStar={() => {}} onNote={onNote} onCorrect={() => {}} />);
    setValue(area, '   ');
    submit(area.form!);
    expect(onNote).toHaveBeenLastCalledWith(null);
  });
});
