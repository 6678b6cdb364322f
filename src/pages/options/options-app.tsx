// The options page: a table of contents, then one section per task. A polite status line announces what
// just happened; errors show in the section that caused them. While access to websites is withdrawn, a
// banner right under the title says so and asks for it again.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useHostAccess } from '../../ui/host-access';
import { t, type MessageKey } from '../../ui/i18n';
import { AccessBanner } from './access-banner';
import { BackupSection } from './backup-section';
import { FeedsSection } from './feeds-section';
import { ImagesSection } from './images-section';
import { ImportFiles } from './import-files';
import { SettingsSection } from './settings-section';
import { StorageSection } from './storage-section';
import { SubscribeForm } from './subscribe-form';

/** The sections, in page order: their anchor and heading. */
const SECTIONS: { id: string; heading: MessageKey }[] = [
  { id: 'subscribe', heading: 'subscribeHeading' },
  { id: 'feeds', heading: 'feedsHeading' },
  { id: 'settings', heading: 'settingsHeading' },
  { id: 'images', heading: 'imagesHeading' },
  { id: 'backup', heading: 'backupHeading' },
  { id: 'storage', heading: 'storageHeading' },
];

/** The whole options page. */
export function OptionsApp() {
  const [status, setStatus] = useState('');
  const access = useHostAccess();
  useEffect(() => {
    document.title = t('optionsTitle');
  }, []);
  return (
    <main class="options">
      <h1>{t('extName')}</h1>
      {access === false && <AccessBanner />}
      <nav class="toc" aria-label={t('sectionsLabel')}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t(section.heading)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="subscribe">
        <SubscribeForm access={access} onStatus={setStatus} />
        <h3>{t('importHeading')}</h3>
        <ImportFiles onStatus={setStatus} />
      </Section>
      <Section id="feeds">
        <FeedsSection onStatus={setStatus} />
      </Section>
      <Section id="settings">
        <SettingsSection onStatus={setStatus} />
      </Section>
      {/* The images engineer's section brings its own heading; the wrapper gives the contents its anchor. */}
      <div id="images" class="hosted">
        <ImagesSection onStatus={setStatus} />
      </div>
      <Section id="backup">
        <BackupSection onStatus={setStatus} />
      </Section>
      <Section id="storage">
        <StorageSection />
      </Section>
      <p class="status" role="status">
        {status}
      </p>
    </main>
  );
}

/** One section of SECTIONS, named by its heading. */
function Section({ id, children }: { id: string; children: ComponentChildren }) {
  const heading = SECTIONS.find((section) => section.id === id)?.heading ?? 'extName';
  return (
    <section id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(heading)}</h2>
      {children}
    </section>
  );
}
