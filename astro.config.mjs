// @ts-check
import { defineConfig } from 'astro/config';
import { courseSite } from './src/integrations/course-site.ts';

// Everything else (site URL, base path, MDX, diagrams, code, search, checks) is the integration's: see src/env.ts for the settings.
export default defineConfig({
  integrations: [courseSite()],
});
