// Errors as data: a code and its parameters, stored and sent as they are and put into words only by the page
// that shows them, in the user's language (public/_locales/*/messages.json, key `error_<code>`).

/** Every error the extension reports, with the names of its parameters in the order the message uses them ($1, $2 …). */
export const ERROR_PARAMS = {
  // The parser (src/feeds): the document itself.
  'not-a-feed': [],
  'unknown-format': [],
  'not-json-feed': [],
  malformed: [],
  'malformed-json': [],
  empty: [],
  'too-large': ['limitMb'],
  // The address the user typed.
  'empty-url': [],
  'invalid-url': ['input'],
  'unsupported-scheme': ['scheme'],
  duplicate: ['title'],
  'no-feed-found': ['url'],
  // The network and the server.
  network: ['host'],
  timeout: ['host', 'seconds'],
  http: ['host', 'status'],
  forbidden: ['host', 'status'],
  'not-found': ['host', 'status'],
  'server-error': ['host', 'status'],
  'no-access': ['host'],
  // "Load full article": the original page.
  'page-too-large': ['limitMb'],
  'page-no-access': ['host'],
  'not-html': ['type'],
  'no-article': [],
  'entry-gone': [],
  gone: ['host'],
  'rate-limited': ['host', 'status', 'minutes'],
  'redirect-loop': ['host'],
  // A feed's own state and settings.
  paused: ['title'],
  'no-such-feed': [],
  'storage-full': [],
  // The options page: folders, per-feed settings, imports and backups.
  'folder-name-empty': [],
  'folder-exists': ['name'],
  'folder-gone': [],
  'no-feed-address': [],
  'mirror-in-use': ['url', 'title'],
  'invalid-interval': ['min', 'max'],
  'invalid-retention': ['max'],
  'invalid-time-zone': ['zone'],
  'opml-not-opml': [],
  'opml-cut-off': [],
  'opml-no-feeds': [],
  'not-a-record': [],
  'not-json': ['name'],
  'file-too-large': ['name', 'limitMb'],
  'backup-refused': ['path', 'problem', 'count'],
  // The extension itself.
  'bad-request': ['command', 'field'],
  'invalid-setting': ['key'],
  'worker-unreachable': ['detail'],
  internal: ['detail'],
} as const satisfies Record<string, readonly string[]>;

/** What went wrong, as a stable identifier pages translate. */
export type ErrorCode = keyof typeof ERROR_PARAMS;

/** Parameter values: host names, HTTP statuses, limits. Never sentences. */
export type ErrorParams = Record<string, string | number>;

/** An error as stored (FeedRow.lastError) and as replied to a command. */
export interface AppError {
  code: ErrorCode;
  params?: ErrorParams;
  /** Feed URLs found on an HTML page the user gave instead of a feed. */
  alternates?: string[];
}

/** Whether `code` is one this build knows (a stored error may come from a newer or older version). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_PARAMS, code);
}

/** An AppError without empty parts: `params` only when there are any, `alternates` only when non-empty. */
export function appError(code: ErrorCode, params: ErrorParams = {}, alternates: readonly string[] = []): AppError {
  const error: AppError = { code };
  if (Object.keys(params).length > 0) error.params = { ...params };
  if (alternates.length > 0) error.alternates = [...alternates];
  return error;
}
