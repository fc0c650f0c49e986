import type zh from '../zh-CN/dashboard'

const en: typeof zh = {
  dashboard: {
    greeting: 'Hello, {name}!',
    intro: 'Welcome to the Lanxi Legal Education and Governance Platform.',
    role: 'Role',
    scope: 'Scope',
    lastLogin: 'Last sign-in',
    firstLogin: 'First sign-in',
    shortcuts: 'Shortcuts',
    noShortcuts: 'Your role has no management pages yet.',
    system: 'System status',
    status: 'Service',
    statusOk: 'Running',
    statusBad: 'Problem',
    db: 'Database',
    version: 'Version',
    checkedAt: 'Checked at',
    shortcutDesc: {
      users: 'Add, edit and disable accounts; reset passwords',
      audit: 'Review sign-ins and changes',
      password: 'Change your sign-in password',
    },
  },
}
export default en
