/** Where "Edit this lesson" points: the repository's edit URL for the default branch; EDIT_URL overrides it. */
export const EDIT_URL = (process.env.EDIT_URL ?? 'https://github.com/redis-mastery/redis-mastery/edit/main/').replace(/\/*$/, '/');
