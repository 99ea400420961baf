/** Where the reader's choice of colour scheme is kept; absent means "follow the system". */
export const THEME_KEY = 'redis-mastery:theme';
