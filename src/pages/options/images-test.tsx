// "Test on this URL": the candidates the reader would try for one image address, in order, with what each is.
import { useState } from 'preact/hooks';
import { describeCandidates, type CandidateKind, type ImageRule } from '../../images';
import { t, type MessageKey } from '../../ui/i18n';

const KINDS: Record<CandidateKind, MessageKey> = { copy: 'imagesKindCopy', rule: 'imagesKindRule', proxy: 'imagesKindProxy', original: 'imagesKindOriginal' };

/** Props: the stored rules (a saved change shows at once). */
export function ImagesTest({ rules }: { rules: ImageRule[] }) {
  const [address, setAddress] = useState('');
  const candidates = address.trim() ? describeCandidates(address, { rules }) : [];
  return (
    <div class="images-test">
      <label for="image-test-url">{t('imagesTestLabel')}</label>
      <input id="image-test-url" type="text" inputMode="url" spellcheck={false} autoComplete="off" placeholder="https://cors.zfour.workers.dev/?http://image.woshipm.com/a.jpg" value={address} onInput={(event) => setAddress(event.currentTarget.value)} />
      {address.trim() !== '' && (
        <div aria-live="polite">
          {candidates.length === 0 ? (
            <p class="hint">{t('imagesTestNone')}</p>
          ) : (
            <ol class="candidates" aria-label={t('imagesTestListLabel')}>
              {candidates.map((candidate) => (
                <li key={candidate.url}>
                  <span class="kind">{t(KINDS[candidate.kind])}</span> <code>{candidate.url}</code>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
