// The image policy the reader renders with: the user's rules and loading setting, and the hosts that failed
// in this tab's session (one record for every entry the tab shows).
import { useMemo } from 'preact/hooks';
import { sessionHostHealth, type HostHealth } from './image-hosts';
import type { ImagePolicy } from './image-rewrite';

let health: HostHealth | undefined;

/** This tab's failing-hosts record (sessionStorage), made on first use. */
export function tabHostHealth(): HostHealth {
  health ??= sessionHostHealth();
  return health;
}

/** The policy for the reader's images while `entryId` is shown; failing hosts as they were when it opened. */
export function useImagePolicy(entryId: number): ImagePolicy {
  return useMemo(() => ({ rules: [], loading: 'always', failing: tabHostHealth().snapshot() }), [entryId]);
}
