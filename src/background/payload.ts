// Checks on command payloads. They come from our own pages, but a bad one is a bug that must surface as an
// error the page can show ('bad-request' naming the command and field), never as a corrupted row.
import { checkedList, type ReaderList } from '../db/reader-list';
import { decodeView, encodeView, type ListView } from '../db/views';
import { CommandError } from './errors';

/** `value` as a row id (a positive safe integer), or a 'bad-request' error. */
export function rowId(value: unknown, command: string, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw badRequest(command, field);
}

/** `value` as a list of row ids. */
export function rowIds(value: unknown, command: string, field: string): number[] {
  if (!Array.isArray(value)) throw badRequest(command, field);
  return value.map((item) => rowId(item, command, field));
}

/** `value` as a boolean. */
export function flag(value: unknown, command: string, field: string): boolean {
  if (typeof value === 'boolean') return value;
  throw badRequest(command, field);
}

/** `value` as a list view (checked by round-tripping its text form). */
export function listView(value: unknown, command: string, field: string): ListView {
  const view = typeof value === 'object' && value !== null ? decodeView(encodeView(value as ListView)) : undefined;
  if (view) return view;
  throw badRequest(command, field);
}

/** `value` as the list the reader walks: a list view, or a search (its query checked as the reader's address checks it). */
export function readerList(value: unknown, command: string, field: string): ReaderList {
  const list = checkedList(value);
  if (list) return list;
  throw badRequest(command, field);
}

/** The error for a payload field that is missing or of the wrong shape. */
export function badRequest(command: string, field: string): CommandError {
  return new CommandError('bad-request', { command, field });
}
