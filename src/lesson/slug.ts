/** An id: lower-case letters and digits, words joined by single hyphens (`getting-help`). Lessons, units and services. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
