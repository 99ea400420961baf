import type { Pack } from '../types';

/** Java: labelled, highlighted blocks that must parse. */
export const javaPack: Pack = {
  name: 'java',
  languages: [{ id: 'java', label: 'Java' }],
  verifier: async () => (await import('./verifier')).javaVerifier(),
};
