// @tanstack/virtual-core bound to Preact, as its React adapter does: one Virtualizer per component, options
// refreshed on every render, a re-render whenever the visible range or scroll state changes.
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer, type VirtualizerOptions } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** What the caller decides; the scroll-element plumbing is filled in here. */
export type VirtualOptions = Pick<VirtualizerOptions<HTMLElement, HTMLElement>, 'count' | 'getScrollElement' | 'estimateSize' | 'overscan' | 'rangeExtractor' | 'initialRect'>;

/** A virtualizer over a scrolling element; the component re-renders when what is visible changes. */
export function useVirtualizer(options: VirtualOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((tick: number) => tick + 1, 0);
  const resolved: VirtualizerOptions<HTMLElement, HTMLElement> = {
    ...options,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => rerender(undefined),
  };
  const [instance] = useState(() => new Virtualizer(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), []);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
}
