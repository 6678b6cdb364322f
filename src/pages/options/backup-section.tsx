// Export and backup: Export OPML (the subscriptions with their folders), Back up (everything, one JSON file)
// and Restore a backup. A chosen backup is checked here first — every problem listed, nothing sent — then
// summed up with how restoring merges, and restored by the worker in one transaction only when confirmed.
import { useState } from 'preact/hooks';
import { collectBackup } from '../../backup/collect';
import type { BackupFile, RestoreReport } from '../../backup/format';
import { checkSetting } from '../../backup/setting-check';
import { validateBackup, type BackupProblem } from '../../backup/validate';
import { db } from '../../db/schema';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t, tPlural, type MessageKey } from '../../ui/i18n';
import { command } from '../../ui/send';
import { dateStamp, downloadText } from './download';
import { exportOpml } from './opml-export';

type Restore = { step: 'idle' } | { step: 'refused'; file: string; problems: BackupProblem[]; total: number } | { step: 'confirm'; file: string; backup: BackupFile } | { step: 'done'; report: RestoreReport };

/** The section's buttons, file input and restore flow. */
export function BackupSection({ onStatus }: { onStatus: (text: string) => void }) {
  const [restore, setRestore] = useState<Restore>({ step: 'idle' });
  const [error, setError] = useState<AppError | undefined>();
  const [busy, setBusy] = useState(false);

  async function exportSubscriptions() {
    downloadText(`mirror-reader-${dateStamp()}.opml`, await exportOpml(db, t('opmlTitle')), 'text/x-opml');
    onStatus(t('opmlExported'));
  }

  async function backUp() {
    const backup = await collectBackup(db);
    downloadText(`mirror-reader-backup-${dateStamp()}.json`, JSON.stringify(backup), 'application/json');
    onStatus(t('backupSaved', tPlural('countFeeds', backup.feeds.length), tPlural('countEntries', backup.entries.length)));
  }

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setError({ code: 'not-json', params: { name: file.name } });
    }
    const check = validateBackup(parsed, checkSetting);
    setRestore(check.ok ? { step: 'confirm', file: file.name, backup: check.backup } : { step: 'refused', file: file.name, problems: check.problems, total: check.total });
  }

  async function confirm(backup: BackupFile) {
    setBusy(true);
    const result = await command('restore-backup', { backup });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setRestore({ step: 'done', report: result.value });
    onStatus(t('restored'));
  }

  return (
    <>
      <div class="row">
        <button type="button" onClick={() => void exportSubscriptions()}>
          {t('exportOpml')}
        </button>
        <button type="button" onClick={() => void backUp()}>
          {t('backUp')}
        </button>
      </div>
      <p class="hint">{t('backupHint')}</p>
      <div class="field">
        <label for="restore-file">{t('restoreLabel')}</label>
        <input id="restore-file" type="file" accept=".json,application/json" aria-describedby="restore-hint" onChange={(event) => void choose(event.currentTarget)} />
        <p id="restore-hint" class="hint">
          {t('restoreHint')}
        </p>
      </div>
      {error && <ErrorAlert error={error} />}
      {restore.step === 'refused' && (
        <div class="alert" role="alert">
          <p>{tPlural('backupRefused', restore.total, restore.file)}</p>
          <ul aria-label={t('backupProblemsLabel')}>
            {restore.problems.map((problem, index) => (
              <li key={index}>{t(PROBLEM_TEXT[problem.code], problem.path || t('backupWholeFile'))}</li>
            ))}
          </ul>
        </div>
      )}
      {restore.step === 'confirm' && (
        <div class="confirm-restore" role="group" aria-labelledby="restore-question">
          <p id="restore-question">
            {t('restoreQuestion', restore.file, tPlural('countFeeds', restore.backup.feeds.length), tPlural('countFolders', restore.backup.folders.length), tPlural('countReadOrStarred', restore.backup.entries.length), restore.backup.entries.filter((entry) => entry.starred === 1).length)}
          </p>
          <div class="row">
            <button type="button" class="primary" disabled={busy} aria-busy={busy} onClick={() => void confirm(restore.backup)}>
              {t('restoreYes')}
            </button>
            <button type="button" disabled={busy} onClick={() => setRestore({ step: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {restore.step === 'done' && (
        <p class="report">
          {t('restoreDone', tPlural('countFeeds', restore.report.feedsAdded), restore.report.feedsMerged, tPlural('countFolders', restore.report.foldersAdded), tPlural('countEntries', restore.report.entriesAdded), restore.report.entriesUpdated)}
        </p>
      )}
    </>
  );
}

const PROBLEM_TEXT: Record<BackupProblem['code'], MessageKey> = {
  'backup-not-backup': 'backupProblemNotBackup',
  'backup-newer-version': 'backupProblemNewer',
  'backup-missing': 'backupProblemMissing',
  'backup-invalid': 'backupProblemInvalid',
  'backup-unknown-field': 'backupProblemUnknownField',
  'backup-bad-url': 'backupProblemBadUrl',
  'backup-out-of-range': 'backupProblemRange',
  'backup-duplicate-id': 'backupProblemDuplicateId',
  'backup-duplicate-url': 'backupProblemDuplicateUrl',
  'backup-unknown-folder': 'backupProblemUnknownFolder',
  'backup-unknown-feed': 'backupProblemUnknownFeed',
  'backup-duplicate-entry': 'backupProblemDuplicateEntry',
  'backup-unknown-setting': 'backupProblemUnknownSetting',
  'backup-bad-setting': 'backupProblemBadSetting',
};
