// Bringing feeds in from files: "Import OPML" (another reader's subscriptions, folders kept) and a mirroring
// job's JSON record file. The file is read here and sent to the worker, which stores it; the report says
// what was imported, what was skipped as already subscribed, and each outline that could not be, by name.
import { useState } from 'preact/hooks';
import { decodeBody } from '../../feeds/decode';
import type { OpmlImportReport, OpmlProblem } from '../../opml/model';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t, tPlural } from '../../ui/i18n';
import { command } from '../../ui/send';

/** Files larger than this are refused before they are read. */
const MAX_IMPORT_MB = 20;

/** The two file inputs and the last import's report or error. */
export function ImportFiles({ onStatus }: { onStatus: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const [report, setReport] = useState<{ file: string; report: OpmlImportReport } | undefined>();

  async function read(input: HTMLInputElement, handle: (file: File, bytes: Uint8Array) => Promise<void>) {
    const file = input.files?.[0];
    // The same file chosen again must fire change again.
    input.value = '';
    if (!file) return;
    setError(undefined);
    setReport(undefined);
    if (file.size > MAX_IMPORT_MB * 1024 * 1024) return setError({ code: 'file-too-large', params: { name: file.name, limitMb: MAX_IMPORT_MB } });
    setBusy(true);
    await handle(file, new Uint8Array(await file.arrayBuffer()));
    setBusy(false);
  }

  async function opml(file: File, bytes: Uint8Array) {
    onStatus(t('importing', file.name));
    // OPML files declare their encoding (often ISO-8859-1): decoded as feeds are.
    const result = await command('import-opml', { text: decodeBody(bytes) });
    if (!result.ok) {
      onStatus('');
      return setError(result.error);
    }
    setReport({ file: file.name, report: result.value });
    onStatus(tPlural('opmlImported', result.value.added));
  }

  async function record(file: File, bytes: Uint8Array) {
    onStatus(t('importing', file.name));
    const result = await command('import-record', { text: new TextDecoder().decode(bytes) });
    if (!result.ok) {
      onStatus('');
      return setError(result.error);
    }
    onStatus(tPlural('recordImported', result.value.added, result.value.title));
  }

  return (
    <div class="imports" aria-busy={busy}>
      <div class="field">
        <label for="import-opml">{t('importOpml')}</label>
        <input id="import-opml" type="file" accept=".opml,.xml,text/x-opml,text/xml,application/xml" disabled={busy} aria-describedby="import-opml-hint" onChange={(event) => void read(event.currentTarget, opml)} />
        <p id="import-opml-hint" class="hint">
          {t('importOpmlHint')}
        </p>
      </div>
      <div class="field">
        <label for="import-record">{t('importRecord')}</label>
        <input id="import-record" type="file" accept=".json,.txt,application/json" disabled={busy} aria-describedby="import-record-hint" onChange={(event) => void read(event.currentTarget, record)} />
        <p id="import-record-hint" class="hint">
          {t('importRecordHint')}
        </p>
      </div>
      {error && <ErrorAlert error={error} />}
      {report && <OpmlReport file={report.file} report={report.report} />}
    </div>
  );
}

/** What an OPML import did, as a region named after the file. */
function OpmlReport({ file, report }: { file: string; report: OpmlImportReport }) {
  return (
    <section class="report" aria-labelledby="opml-report-heading">
      <h4 id="opml-report-heading">{t('opmlReportHeading', file)}</h4>
      <p>{t('opmlReportAdded', tPlural('countFeeds', report.added), tPlural('countNewFolders', report.folders))}</p>
      {report.duplicates.length > 0 && <p>{tPlural('opmlReportDuplicates', report.duplicates.length, report.duplicates.join(t('listSeparator')))}</p>}
      {report.problems.length > 0 && (
        <>
          <p>{tPlural('opmlReportProblems', report.problems.length)}</p>
          <ul aria-label={t('opmlProblemsLabel')}>
            {report.problems.map((problem, index) => (
              <li key={index}>{problemText(problem)}</li>
            ))}
          </ul>
        </>
      )}
      {report.ignored > 0 && <p class="hint">{tPlural('opmlReportIgnored', report.ignored)}</p>}
    </section>
  );
}

function problemText(problem: OpmlProblem): string {
  const name = problem.name || t('opmlUnnamed');
  return t(problem.code === 'no-address' ? 'opmlNoAddress' : 'opmlBadAddress', name, problem.line);
}
