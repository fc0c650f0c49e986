import type zh from '../zh-CN/auth'

const en: typeof zh = {
  login: {
    title: 'Sign in',
    welcome: 'Welcome',
    subtitle: 'Responsibility · Law study and exams · Legal education · Public legal service',
    username: 'Username',
    password: 'Password',
    usernamePlaceholder: 'Enter your username',
    passwordPlaceholder: 'Enter your password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    footer: 'Run by {org}',
    expired: 'Your session has expired. Please sign in again.',
    remaining: '{n} more tries before the account is locked for a while.',
  },
  password: {
    title: 'Change password',
    old: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    oldRequired: 'Please enter your current password',
    newRequired: 'Please enter a new password',
    confirmRequired: 'Please enter the new password again',
    mismatch: 'The two new passwords do not match',
    sameAsOld: 'The new password must differ from the current one',
    rule: 'At least 10 characters, with at least three of: upper-case, lower-case, digit, symbol',
    submit: 'Change password',
    success: 'Your password has been changed.',
    forced: 'Your password was reset or is an initial password. Please change it before continuing.',
    expired: 'Your password has been in use longer than the platform allows. Please change it before continuing.',
  },
}
export default en
