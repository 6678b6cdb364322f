// OPML import and export: every file of ../shared/corpora/opml ends in the outcome written below (a
// subscription list, or the reason it is refused), everything that parses survives a round trip through
// serializeOpml, and the cases a reader meets (folders, nesting, odd characters, a cut-off file) by hand.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/feeds/decode';
import { OpmlError } from '../../../src/opml/model';
import { parseOpml } from '../../../src/opml/parse';
import { serializeOpml } from '../../../src/opml/serialize';
import { CORPORA, filesUnder } from '../../corpus/corpora';

const OPML = join(CORPORA, 'opml');
const corpusFiles = filesUnder(OPML).filter((file) => !file.endsWith('LICENSE')).map((file) => relative(OPML, file)).sort();

/** A file's text as the options page reads it: bytes decoded by BOM, then XML declaration. */
function read(file: string): string {
  return decodeBody(new Uint8Array(readFileSync(join(OPML, file))));
}

/** What parseOpml makes of a file: the refusal's code, or feeds/folders/problems/ignored counts. */
function outcome(text: string): string {
  try {
    const list = parseOpml(text);
    return `feeds ${list.feeds.length}, folders ${list.folders.length}, problems ${list.problems.length}, ignored ${list.ignored}`;
  } catch (error) {
    if (error instanceof OpmlError) return error.code;
    throw error;
  }
}

// Counts checked against the files by grep (xmlUrl attributes, outline tags); refusals by reading them.
const EXPECTED: Record<string, string> = {
  'feedsmith/category.opml': 'opml-no-feeds',
  'feedsmith/countries.opml': 'opml-no-feeds',
  'feedsmith/directory.opml': 'opml-no-feeds',
  'feedsmith/places.opml': 'opml-no-feeds',
  'feedsmith/script.opml': 'opml-no-feeds',
  'feedsmith/subscriptions.opml': 'feeds 13, folders 0, problems 0, ignored 0',
  'feedvalidator/clean/category.opml': 'opml-no-feeds',
  'feedvalidator/clean/directory.opml': 'opml-no-feeds',
  'feedvalidator/clean/outlineDocument.opml': 'opml-no-feeds',
  'feedvalidator/clean/ownerId.opml': 'opml-no-feeds',
  'feedvalidator/clean/playlist.opml': 'opml-no-feeds',
  'feedvalidator/clean/presentation.opml': 'opml-no-feeds',
  'feedvalidator/clean/simpleScript.opml': 'opml-no-feeds',
  'feedvalidator/clean/specification.opml': 'opml-no-feeds',
  'feedvalidator/clean/states.opml': 'opml-no-feeds',
  'feedvalidator/clean/subscriptionList.opml': 'feeds 13, folders 0, problems 0, ignored 0',
  'feedvalidator/clean/unknownOutlineType2.opml': 'opml-no-feeds',
  'feedvalidator/errors/badlyFormedAttrCreated.opml': 'opml-no-feeds',
  'feedvalidator/errors/badlyFormedDateCreated.opml': 'opml-no-feeds',
  'feedvalidator/errors/badlyFormedDateModified.opml': 'opml-no-feeds',
  'feedvalidator/errors/badlyFormedEmail.opml': 'opml-no-feeds',
  // Its only feed sits after <body/>, outside the body.
  'feedvalidator/errors/closedbody.opml': 'opml-no-feeds',
  'feedvalidator/errors/incorrectOpmlVersion.opml': 'opml-no-feeds',
  'feedvalidator/errors/invalidCharacters.opml': 'opml-no-feeds',
  'feedvalidator/errors/invalidIsBreakpoint.opml': 'opml-no-feeds',
  'feedvalidator/errors/invalidIsComment.opml': 'opml-no-feeds',
  'feedvalidator/errors/missingBody.opml': 'opml-no-feeds',
  'feedvalidator/errors/missingHead.opml': 'opml-no-feeds',
  'feedvalidator/errors/missingOpml.opml': 'opml-not-opml',
  'feedvalidator/errors/missingOpmlVersion.opml': 'opml-no-feeds',
  'feedvalidator/errors/missingOutline.opml': 'opml-no-feeds',
  'feedvalidator/errors/missingTextAttributes.opml': 'opml-no-feeds',
  'feedvalidator/errors/missingTitleAttribute.opml': 'feeds 1, folders 0, problems 0, ignored 0',
  'feedvalidator/errors/missingUrlAttribute.opml': 'opml-no-feeds',
  'feedvalidator/errors/notEncoded.opml': 'opml-no-feeds',
  // A bare "&" in a title: tolerated, as the feeds' parser tolerates it.
  'feedvalidator/errors/notwellformed.opml': 'feeds 1, folders 1, problems 0, ignored 0',
  'feedvalidator/errors/outlinesInWrongPlaces.opml': 'opml-no-feeds',
  'feedvalidator/errors/subscriptionListErrors1.opml': 'feeds 4, folders 0, problems 1, ignored 0',
  'feedvalidator/errors/subscriptionListErrors2.opml': 'feeds 4, folders 0, problems 1, ignored 0',
  'feedvalidator/errors/subscriptionListErrors3.opml': 'feeds 4, folders 0, problems 1, ignored 0',
  'feedvalidator/errors/subscriptionListErrors4.opml': 'feeds 4, folders 0, problems 1, ignored 0',
  'feedvalidator/errors/unknownOutlineType.opml': 'opml-no-feeds',
  'feedvalidator/rss/twittergram.xml': 'opml-not-opml',
  'node-opmlparser/categories.opml': 'opml-no-feeds',
  'node-opmlparser/empty-head.opml': 'opml-no-feeds',
  // Its first bytes are missing: the first element is an <outline>, not <opml>.
  'node-opmlparser/malformed.opml': 'opml-not-opml',
  'node-opmlparser/no-outlines.opml': 'opml-no-feeds',
  'node-opmlparser/outline.opml': 'opml-no-feeds',
  'node-opmlparser/top100.opml': 'feeds 100, folders 0, problems 0, ignored 0',
  'opmlPackage/examples_addCategoryToOpml_source.opml': 'opml-no-feeds',
  'opmlPackage/examples_includes_includes.opml': 'opml-no-feeds',
  'opmlPackage/examples_parsing_states.opml': 'opml-no-feeds',
  'opmlPackage/source.opml': 'opml-no-feeds',
};

describe.skipIf(!existsSync(OPML))('OPML corpus (../shared/corpora/opml)', () => {
  it('holds the 53 files this suite expects (a suite that finds none must fail, not pass)', () => {
    expect(corpusFiles).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', (file) => {
    expect(outcome(read(file))).toBe(EXPECTED[file]);
  });

  it('reads an ISO-8859-1 subscription list with its names and addresses', () => {
    const list = parseOpml(read('feedvalidator/clean/subscriptionList.opml'));
    expect(list.title).toBe('mySubscriptions.opml');
    expect(list.feeds[3]).toEqual({
      title: 'Yahoo! News: Technology',
      xmlUrl: 'http://rss.news.yahoo.com/rss/tech',
      htmlUrl: 'http://news.yahoo.com/news?tmpl=index&cid=738',
      folder: '',
    });
    expect(list.feeds[9]?.title).toBe('NYT > Business');
  });

  it('names the outline that has no feed address, with its line, and takes a lowercase xmlurl', () => {
    const list = parseOpml(read('feedvalidator/errors/subscriptionListErrors1.opml'));
    expect(list.problems).toEqual([{ name: 'Feed 1', line: 23, code: 'no-address' }]);
    expect(list.feeds.map((feed) => feed.title)).toEqual(['Feed 2', 'Feed 3', 'Feed 4', 'Feed 5']);
  });

  it('keeps a folder and a title with a bare ampersand', () => {
    const list = parseOpml(read('feedvalidator/errors/notwellformed.opml'));
    expect(list.folders).toEqual(['Folder']);
    expect(list.feeds).toEqual([
      { title: 'Nick Bradbury & Co', xmlUrl: 'http://feeds.feedburner.com/NickBradbury', htmlUrl: 'http://nick.typepad.com/blog/', folder: 'Folder' },
    ]);
  });

  it.each(Object.entries(EXPECTED).filter(([, expected]) => expected.startsWith('feeds')).map(([file]) => file))(
    'round trip: %s gives the same feeds in the same folders',
    (file) => {
      const first = parseOpml(read(file));
      const again = parseOpml(serializeOpml({ title: first.title, createdAt: 0, folders: first.folders, feeds: first.feeds }));
      expect(again.feeds).toEqual(first.feeds);
      expect(again.folders).toEqual(first.folders);
      expect(again.problems).toEqual([]);
    },
  );
});

const doc = (body: string) => `<?xml version="1.0"?>\n<opml version="2.0"><head><title>Mine</title></head><body>\n${body}\n</body></opml>`;

describe('parseOpml', () => {
  it('takes folders, nested folders (joined by " / ") and feeds outside any folder, in document order', () => {
    const list = parseOpml(
      doc(`<outline text="Tech"><outline type="rss" text="A" xmlUrl="https://a.example/feed"/>
        <outline text="Go"><outline type="rss" title="B" xmlUrl="https://b.example/rss"/></outline></outline>
        <outline type="rss" text="C" xmlUrl="feed://c.example/atom.xml#top"/>`),
    );
    expect(list.folders).toEqual(['Tech', 'Tech / Go']);
    expect(list.feeds).toEqual([
      { title: 'A', xmlUrl: 'https://a.example/feed', folder: 'Tech' },
      { title: 'B', xmlUrl: 'https://b.example/rss', folder: 'Tech / Go' },
      { title: 'C', xmlUrl: 'https://c.example/atom.xml', folder: '' },
    ]);
  });

  it('reports feed outlines without a usable address by name, ignores notes and comments', () => {
    const list = parseOpml(
      doc(`<outline type="rss" text="No address"/>
        <outline type="rss" text="Mail" xmlUrl="mailto:someone@example.com"/>
        <outline text="Relative" xmlUrl="/feed.xml"/>
        <outline text="Just a note"/>
        <outline text="Hidden" isComment="true"><outline type="rss" text="H" xmlUrl="https://h.example/"/></outline>
        <outline type="rss" text="Good" xmlUrl="http://good.example/feed"/>`),
    );
    expect(list.problems).toEqual([
      { name: 'No address', line: 3, code: 'no-address' },
      { name: 'Mail', line: 4, code: 'bad-address' },
      { name: 'Relative', line: 5, code: 'bad-address' },
    ]);
    expect(list.ignored).toBe(1);
    expect(list.feeds.map((feed) => feed.title)).toEqual(['Good']);
  });

  it('refuses a file cut off before </opml>, one that is not OPML, and one without feeds', () => {
    const code = (text: string) => {
      try {
        parseOpml(text);
        return 'parsed';
      } catch (error) {
        return error instanceof OpmlError ? error.code : String(error);
      }
    };
    expect(code(doc('<outline type="rss" text="A" xmlUrl="https://a.example/"/>').slice(0, -20))).toBe('opml-cut-off');
    expect(code('<rss version="2.0"><channel><title>x</title></channel></rss>')).toBe('opml-not-opml');
    expect(code('just some text')).toBe('opml-not-opml');
    expect(code(doc('<outline text="Empty folder"></outline>'))).toBe('opml-no-feeds');
  });
});

describe('serializeOpml', () => {
  it('writes folders then loose feeds, escaping what XML needs and dropping what it forbids', () => {
    const text = serializeOpml({
      title: 'Mirror Reader & co',
      createdAt: Date.UTC(2024, 0, 2, 3, 4, 5),
      folders: ['Empty', '新闻 <CN>'],
      feeds: [
        { title: 'Loose "quoted"', xmlUrl: 'https://l.example/feed?a=1&b=2', folder: '' },
        { title: '人民日报\u0007 line\nbreak', xmlUrl: 'https://p.example/rss', htmlUrl: 'https://p.example/', folder: '新闻 <CN>' },
      ],
    });
    expect(text).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Mirror Reader &amp; co</title>
    <dateCreated>Tue, 02 Jan 2024 03:04:05 GMT</dateCreated>
  </head>
  <body>
    <outline text="新闻 &lt;CN&gt;" title="新闻 &lt;CN&gt;">
      <outline type="rss" text="人民日报 line&#10;break" title="人民日报 line&#10;break" xmlUrl="https://p.example/rss" htmlUrl="https://p.example/"/>
    </outline>
    <outline type="rss" text="Loose &quot;quoted&quot;" title="Loose &quot;quoted&quot;" xmlUrl="https://l.example/feed?a=1&amp;b=2"/>
  </body>
</opml>
`);
    const back = parseOpml(text);
    expect(back.title).toBe('Mirror Reader & co');
    expect(back.feeds.map((feed) => [feed.title, feed.folder])).toEqual([
      ['人民日报 line break', '新闻 <CN>'],
      ['Loose "quoted"', ''],
    ]);
  });
});
