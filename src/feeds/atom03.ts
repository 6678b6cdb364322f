// Atom 0.3 (the pre-RFC draft): tagline, modified, issued, mode="escaped|base64|xml".
import { parseAtom } from './atom';
import type { FeedDraft } from './normalize';
import type { XmlDocument } from './xml-tree';

/** Maps an Atom 0.3 document through the Atom mapper with 0.3's element names first. */
export function parseAtom03(doc: XmlDocument, timeZone?: string): FeedDraft {
  return parseAtom(doc, timeZone, { subtitle: ['tagline', 'subtitle'], updated: ['modified', 'updated'], published: ['published', 'issued', 'created'], dropDiv: false });
}
