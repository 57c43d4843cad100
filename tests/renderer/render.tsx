// Test helper: mounts a React element into a jsdom container with react-dom/client inside act(), and unmounts it.
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted { container: HTMLElement; root: Root; rerender(el: ReactElement): void; unmount(): void }

export function mount(el: ReactElement): Mounted {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(el));
  return {
    container,
    root,
    rerender(next) { act(() => root.render(next)); },
    unmount() { act(() => root.unmount()); container.remove(); },
  };
}
