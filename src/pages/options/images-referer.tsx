// Referer rules: hosts whose pictures need a given Referer (or none), installed by the worker as
// declarativeNetRequest rules. Presets for the common hosts that refuse pictures to other sites.
import { useState } from 'preact/hooks';
import { cleanRefererRule, refererRuleProblem, type RefererRule } from '../../images';
import { normalizeHost } from '../../shared/url';
import { ErrorAlert } from '../../ui/error-alert';
import { t } from '../../ui/i18n';
import { hostsOf, hostsText, REFERER_PRESETS } from './images-presets';
import type { Saver } from './images-save';

type Row = { hosts: string; send: boolean; referer: string };

const rowOf = (rule: RefererRule): Row => ({ hosts: hostsText(rule.hosts), send: rule.referer !== null, referer: rule.referer ?? '' });

/** Props: the stored rules and the saver. */
export function ImagesReferer({ rules, saver }: { rules: readonly RefererRule[]; saver: Saver }) {
  const [rows, setRows] = useState<Row[]>(rules.map(rowOf));
  const [problem, setProblem] = useState<string | undefined>();
  const edit = (index: number, change: Partial<Row>) => setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  function submit() {
    const checked = checkRows(rows);
    setProblem(typeof checked === 'string' ? checked : undefined);
    if (typeof checked !== 'string') void saver.save({ refererRules: checked });
  }

  return (
    <form
      class="images-referer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p class="hint">{t('imagesRefererHint')}</p>
      <ul class="rule-rows">
        {rows.map((row, index) => (
          <li key={index}>
            <label>
              {t('imagesHostsLabel')}
              <input type="text" spellcheck={false} autoComplete="off" placeholder="sinaimg.cn" value={row.hosts} onInput={(event) => edit(index, { hosts: event.currentTarget.value })} />
            </label>
            <label>
              {t('imagesRefererSendLabel')}
              <select value={row.send ? 'set' : 'none'} onChange={(event) => edit(index, { send: event.currentTarget.value === 'set' })}>
                <option value="set">{t('imagesRefererSend')}</option>
                <option value="none">{t('imagesRefererNone')}</option>
              </select>
            </label>
            {row.send && (
              <label>
                {t('imagesRefererLabel')}
                <input type="text" inputMode="url" spellcheck={false} autoComplete="off" placeholder="https://weibo.com/" value={row.referer} onInput={(event) => edit(index, { referer: event.currentTarget.value })} />
              </label>
            )}
            <button type="button" aria-label={t('imagesRemoveRule', index + 1)} onClick={() => setRows(rows.filter((_, at) => at !== index))}>
              {t('imagesRemove')}
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={() => setRows([...rows, { hosts: '', send: true, referer: '' }])}>
          {t('imagesAddRefererRule')}
        </button>
        <select
          aria-label={t('imagesRefererPresetLabel')}
          value=""
          onChange={(event) => {
            const preset = REFERER_PRESETS.find((candidate) => candidate.label === event.currentTarget.value);
            if (preset) setRows([...rows, rowOf(preset.rule)]);
          }}
        >
          <option value="">{t('imagesRefererPresetLabel')}</option>
          {REFERER_PRESETS.map((preset) => (
            <option key={preset.label} value={preset.label}>
              {t(preset.label)}
            </option>
          ))}
        </select>
        <button type="submit" class="primary" disabled={saver.busy} aria-busy={saver.busy}>
          {t('imagesSaveReferer')}
        </button>
      </div>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {saver.error && <ErrorAlert error={saver.error} />}
    </form>
  );
}

/** The rules the rows describe, or the text of the first problem. Empty rows are skipped. */
function checkRows(rows: readonly Row[]): RefererRule[] | string {
  const out: RefererRule[] = [];
  for (const row of rows) {
    const typed = hostsOf(row.hosts);
    if (typed.length === 0 && (!row.send || row.referer.trim() === '')) continue;
    const rule = cleanRefererRule({ hosts: typed, referer: row.send ? row.referer : null });
    const bad = typed.find((host) => normalizeHost(host) === undefined);
    if (bad !== undefined) return t('imagesErrorHost', bad);
    const problem = refererRuleProblem(rule);
    if (problem?.code === 'no-host') return t('imagesErrorNoHost');
    if (problem?.code === 'bad-host') return t('imagesErrorHost', problem.host);
    if (problem?.code === 'bad-referer') return t('imagesErrorReferer');
    out.push(rule);
  }
  return out;
}
