// A backup file is checked whole before restore writes anything: its shape (backup/format.ts), then what
// the shape cannot say — ids used once, every feed address in one feed only, folders and feeds that
// entries and feeds refer to, settings this build knows with values it accepts. Each problem is a code
// and the place in the file (feeds[3].url); pages word it in the user's language.
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, isWebUrl, type BackupFile } from './format';

/** What can be wrong with a backup file. */
export type BackupProblemCode =
  | 'backup-not-backup'
  | 'backup-newer-version'
  | 'backup-missing'
  | 'backup-invalid'
  | 'backup-unknown-field'
  | 'backup-bad-url'
  | 'backup-out-of-range'
  | 'backup-duplicate-id'
  | 'backup-duplicate-url'
  | 'backup-unknown-folder'
  | 'backup-unknown-feed'
  | 'backup-duplicate-entry'
  | 'backup-unknown-setting'
  | 'backup-bad-setting';

/** One problem: its code and where it is (`''` for the file as a whole). */
export interface BackupProblem {
  code: BackupProblemCode;
  path: string;
}

/** The outcome: the backup, typed, or the first problems (at most MAX_PROBLEMS) and how many there were. */
export type BackupCheck = { ok: true; backup: BackupFile } | { ok: false; problems: BackupProblem[]; total: number };

/** How a setting from the file fares against this build's settings. */
export type SettingCheck = (key: string, value: unknown) => 'ok' | 'unknown' | 'invalid';

/** Problems listed in full; past this many a file is clearly not worth reading further. */
export const MAX_PROBLEMS = 50;

/** Check `input` (the file's parsed JSON) as a backup; `checkSetting` judges each global setting. */
export function validateBackup(input: unknown, checkSetting: SettingCheck): BackupCheck {
  const head = typeof input === 'object' && input !== null ? (input as { format?: unknown; version?: unknown }) : {};
  if (head.format !== BACKUP_FORMAT) return refuse([{ code: 'backup-not-backup', path: '' }]);
  // A newer file may hold what this build cannot restore faithfully: say so instead of listing its fields.
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) return refuse([{ code: 'backup-newer-version', path: 'version' }]);

  const parsed = v.safeParse(BackupSchema, input, { abortPipeEarly: true });
  // Settings are judged whatever the rest looks like; references between parts only once the parts are sound.
  const settings = settingProblems((input as { settings?: unknown }).settings, checkSetting);
  if (!parsed.success) return refuse([...parsed.issues.map(toProblem), ...settings]);
  const problems = [...settings, ...crossChecks(parsed.output)];
  return problems.length > 0 ? refuse(problems) : { ok: true, backup: parsed.output };
}

function refuse(problems: BackupProblem[]): BackupCheck {
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS), total: problems.length };
}

function toProblem(issue: v.BaseIssue<unknown>): BackupProblem {
  const path = (issue.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`)).join('').replace(/^\./, '');
  if (issue.kind === 'schema' && issue.input === undefined) return { code: 'backup-missing', path };
  // A strict object's key it does not list (valibot expects 'never' there): a field of a newer build.
  if (issue.type === 'strict_object' && issue.expected === 'never') return { code: 'backup-unknown-field', path };
  if (issue.type === 'check' && issue.requirement === isWebUrl) return { code: 'backup-bad-url', path };
  if (RANGE_CHECKS.has(issue.type)) return { code: 'backup-out-of-range', path };
  return { code: 'backup-invalid', path };
}

const RANGE_CHECKS = new Set(['min_value', 'max_value', 'integer', 'finite']);

function settingProblems(settings: unknown, checkSetting: SettingCheck): BackupProblem[] {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return [];
  return Object.entries(settings).flatMap(([key, value]): BackupProblem[] => {
    const verdict = checkSetting(key, value);
    return verdict === 'ok' ? [] : [{ code: verdict === 'unknown' ? 'backup-unknown-setting' : 'backup-bad-setting', path: `settings.${key}` }];
  });
}

function crossChecks(backup: BackupFile): BackupProblem[] {
  const problems: BackupProblem[] = [];
  const folderIds = new Set<number>();
  backup.folders.forEach((folder, index) => {
    if (folderIds.has(folder.id)) problems.push({ code: 'backup-duplicate-id', path: `folders[${index}].id` });
    folderIds.add(folder.id);
  });
  const feedIds = new Set<number>();
  const addresses = new Set<string>();
  backup.feeds.forEach((feed, index) => {
    if (feedIds.has(feed.id)) problems.push({ code: 'backup-duplicate-id', path: `feeds[${index}].id` });
    feedIds.add(feed.id);
    if (!feed.urls.includes(feed.url)) problems.push({ code: 'backup-invalid', path: `feeds[${index}].urls` });
    // Mirrors of one feed repeat nothing; two feeds sharing an address would be one subscription twice.
    for (const url of new Set(feed.urls)) {
      if (addresses.has(url)) problems.push({ code: 'backup-duplicate-url', path: `feeds[${index}].urls` });
      addresses.add(url);
    }
    if (feed.folderId !== 0 && !folderIds.has(feed.folderId)) problems.push({ code: 'backup-unknown-folder', path: `feeds[${index}].folderId` });
  });
  const keys = new Set<string>();
  backup.entries.forEach((entry, index) => {
    if (!feedIds.has(entry.feedId)) problems.push({ code: 'backup-unknown-feed', path: `entries[${index}].feedId` });
    const key = `${entry.feedId}\n${entry.key}`;
    if (keys.has(key)) problems.push({ code: 'backup-duplicate-entry', path: `entries[${index}].key` });
    keys.add(key);
  });
  return problems;
}
