// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../../renderer/src/app/StartupError';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
  history.replaceState(null, '', '#/');
});

/** A screen that breaks wherever the address says #/broken. */
function Screen() {
  if (location.hash === '#/broken') throw new Error('Maximum call stack size exceeded');
  return <p>The library</p>;
}

it('shows what went wrong with Reload and the library, and shows the next place gone to afresh', () => {
  history.replaceState(null, '', '#/broken');
  const onError = vi.fn();
  act(() =>
    root.render(
      <ErrorBoundary onError={onError}>
        <Screen />
      </ErrorBoundary>,
    ),
  );
  expect(container.querySelector('h1')?.textContent).toBe('Something went wrong');
  expect(container.querySelector('[role="alert"]')?.textContent).toContain('Maximum call stack');
  expect(container.querySelector('a')?.getAttribute('href')).toBe('#/');
  expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Reload']);
  expect(onError).toHaveBeenCalledTimes(1);

  act(() => {
    history.replaceState(null, '', '#/');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  expect(container.textContent).toBe('The library');
});
