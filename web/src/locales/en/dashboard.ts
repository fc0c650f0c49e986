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
      orgOverview: 'Townships, villages, schools and teams at a glance',
      orgRegions: 'City, townships and villages',
      orgUnits: 'Departments, enterprises, legal service stations',
      orgSchools: 'Schools, vice-principals, legal-advisor contracts',
      orgPeople: 'Legal-savvy residents, mediators, volunteers',
      orgTeams: 'Lecturer teams, volunteer teams and service hours',
      orgPlaces: 'Constitution parks, corridors, study rooms',
    },
  },
}
export default en
