// The container the reader tests render ReaderApp into: made before each test, emptied and removed after it
// with the address's hash cleared, so no entry or list carries over to the next test.
import { render } from 'preact';
import { act } from 'preact/test-utils';

/** A fresh container in the document. */
export function newRoot(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

/** Unmount what `root` shows, remove it, and clear the hash. */
export async function dropRoot(root: HTMLElement): Promise<void> {
  await act(() => render(null, root));
  root.remove();
  location.hash = '';
}
