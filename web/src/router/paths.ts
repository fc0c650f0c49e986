/** Where each app lives: the staff app under /admin, the public portal under /, sign-in at /login. */
export const ADMIN_BASE = '/admin'
