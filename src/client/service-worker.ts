/** The offline copy's service worker: bundled by the build into `service-worker.js` at the site's base, with the build it saves. */
import { attachOfflineWorker, type OfflineWorkerScope } from './offline-worker';

/** Replaced by the build hash when the build bundles this file; a new build is a new worker, which the browser installs. */
declare const __OFFLINE_BUILD__: string;

attachOfflineWorker(self as unknown as OfflineWorkerScope, __OFFLINE_BUILD__);
