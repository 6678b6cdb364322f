// The search code (the query tokenizer and the index reader, ~2.5 kB gzip) loads on the first search, not with
// the popup: most openings never search, and the popup's start-up script has a 60 kB budget.
type SearchModule = typeof import('../../search/search');

let loading: Promise<SearchModule> | undefined;

/** The search module, imported once; call it early (the search field's focus) so a query rarely waits. */
export function loadSearch(): Promise<SearchModule> {
  loading ??= import('../../search/search');
  return loading;
}
