// What an OPML subscription list holds once read: feeds with the folder each sits in, the outlines that
// could not be read as feeds (by name), and the one error type for a file that is not OPML at all.

/** One feed outline. `folder` is '' for a feed outside any folder; nested folders are joined by " / ". */
export interface OpmlFeed {
  title: string;
  xmlUrl: string;
  htmlUrl?: string;
  folder: string;
}

/** Why an outline was not taken as a feed: it names no feed address, or one that is not http(s). */
export type OpmlProblemCode = 'no-address' | 'bad-address';

/** An outline that could not be read as a feed, named as the file names it (or by its line). */
export interface OpmlProblem {
  name: string;
  line: number;
  code: OpmlProblemCode;
}

/** A subscription list: its title, folders and feeds in document order, problems, and how many
 * outlines were neither feeds nor folders (notes, links) and so were left out. */
export interface OpmlSubscriptions {
  title: string;
  folders: string[];
  feeds: OpmlFeed[];
  problems: OpmlProblem[];
  ignored: number;
}

/** Why a whole file was refused: not OPML, cut off before its end, or listing no feed at all. */
export type OpmlErrorCode = 'opml-not-opml' | 'opml-cut-off' | 'opml-no-feeds';

/** The only error parseOpml throws; it carries a code and no user text (pages localize it). */
export class OpmlError extends Error {
  override readonly name = 'OpmlError';
  constructor(readonly code: OpmlErrorCode) {
    super(code);
  }
}

/** What an import did: feeds (their ids) and folders added, duplicates skipped by name, outlines refused. */
export interface OpmlImportReport {
  added: number;
  feedIds: number[];
  folders: number;
  duplicates: string[];
  problems: OpmlProblem[];
  ignored: number;
}
