// Image rules: the rule for every picture and rules for some hosts, as RSSHub hotlink templates, with RSSHub's
// presets. Checked here (the worker checks again) so a mistake is named next to the field.
import { useState } from 'preact/hooks';
import { templateProblem, type ImageRule } from '../../images';
import { normalizeHost } from '../../shared/url';
import { ErrorAlert } from '../../ui/error-alert';
import { t } from '../../ui/i18n';
import { hostsOf, hostsText, RULE_PRESETS, splitRules } from './images-presets';
import type { Saver } from './images-save';

type Row = { hosts: string; template: string };

/** Props: the stored rules and the saver. */
export function ImagesRules({ rules, saver }: { rules: readonly ImageRule[]; saver: Saver }) {
  const initial = splitRules(rules);
  const [global, setGlobal] = useState(initial.global[0]?.template ?? '');
  const [rows, setRows] = useState<Row[]>(initial.perHost.map((rule) => ({ hosts: hostsText(rule.hosts), template: rule.template })));
  const [problem, setProblem] = useState<string | undefined>();
  const edit = (index: number, change: Partial<Row>) => setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  function submit() {
    const checked = checkRules(global, rows);
    setProblem(typeof checked === 'string' ? checked : undefined);
    // Other global rules (from a backup, say) are kept: the page edits the first one.
    if (typeof checked !== 'string') void saver.save({ imageRules: [...checked, ...initial.global.slice(1)] });
  }

  return (
    <form
      class="images-rules"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <datalist id="image-rule-presets">
        {RULE_PRESETS.map((preset) => (
          <option key={preset.template} value={preset.template} label={t(preset.label)} />
        ))}
      </datalist>
      <label for="image-global-rule">{t('imagesGlobalRuleLabel')}</label>
      <div class="subscribe-row">
        <input id="image-global-rule" type="text" list="image-rule-presets" spellcheck={false} autoComplete="off" aria-describedby="image-rule-hint" value={global} onInput={(event) => setGlobal(event.currentTarget.value)} />
        <select aria-label={t('imagesPresetLabel')} value="" onChange={(event) => setGlobal(event.currentTarget.value)}>
          <option value="">{t('imagesPresetLabel')}</option>
          {RULE_PRESETS.map((preset) => (
            <option key={preset.template} value={preset.template}>
              {t(preset.label)}
            </option>
          ))}
        </select>
      </div>
      <p id="image-rule-hint" class="hint">{t('imagesRuleHint')}</p>
      <h4>{t('imagesHostRulesHeading')}</h4>
      <ul class="rule-rows">
        {rows.map((row, index) => (
          <li key={index}>
            <label>
              {t('imagesHostsLabel')}
              <input type="text" spellcheck={false} autoComplete="off" placeholder="sinaimg.cn" value={row.hosts} onInput={(event) => edit(index, { hosts: event.currentTarget.value })} />
            </label>
            <label>
              {t('imagesTemplateLabel')}
              <input type="text" list="image-rule-presets" spellcheck={false} autoComplete="off" value={row.template} onInput={(event) => edit(index, { template: event.currentTarget.value })} />
            </label>
            <button type="button" aria-label={t('imagesRemoveRule', index + 1)} onClick={() => setRows(rows.filter((_, at) => at !== index))}>
              {t('imagesRemove')}
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={() => setRows([...rows, { hosts: '', template: '' }])}>
          {t('imagesAddHostRule')}
        </button>
        <button type="submit" class="primary" disabled={saver.busy} aria-busy={saver.busy}>
          {t('imagesSaveRules')}
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

/** The rules the fields describe, or the text of the first problem. Empty rows are skipped. */
function checkRules(global: string, rows: readonly Row[]): ImageRule[] | string {
  const out: ImageRule[] = [];
  const template = global.trim();
  if (template) {
    const problem = describeProblem(template);
    if (problem) return problem;
    out.push({ template });
  }
  for (const row of rows) {
    const typed = hostsOf(row.hosts);
    const rowTemplate = row.template.trim();
    if (typed.length === 0 && rowTemplate === '') continue;
    if (typed.length === 0) return t('imagesErrorNoHost');
    const bad = typed.find((host) => normalizeHost(host) === undefined);
    if (bad !== undefined) return t('imagesErrorHost', bad);
    const problem = describeProblem(rowTemplate);
    if (problem) return problem;
    out.push({ template: rowTemplate, hosts: typed.map((host) => normalizeHost(host)!) });
  }
  return out;
}

/** A template's problem in words, or undefined. */
function describeProblem(template: string): string | undefined {
  const problem = templateProblem(template);
  if (!problem) return undefined;
  return problem.code === 'unknown-property' ? t('imagesErrorProperty', problem.name) : t('imagesErrorNoPlaceholder');
}
