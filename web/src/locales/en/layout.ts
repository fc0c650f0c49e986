import type zh from '../zh-CN/layout'

const en: typeof zh = {
  menu: {
    home: 'Home',
    system: 'System',
    users: 'Users',
    audit: 'Audit log',
    org: 'Organisation',
    orgOverview: 'Overview',
    orgRegions: 'Regions',
    orgUnits: 'Units',
    orgSchools: 'Schools',
    orgSchoolDetail: 'School',
    orgPeople: 'People',
    orgTeams: 'Lecturers & volunteers',
    orgPlaces: 'Rule-of-law places',
    account: 'Account',
    password: 'Change password',
    forbidden: 'Forbidden',
    notFound: 'Not found',
  },
  header: {
    toggleMenu: 'Expand/collapse menu',
    largeFont: 'Large text',
    largeFontHint: 'Larger text, stronger contrast',
    changePassword: 'Change password',
    logout: 'Sign out',
    prefsFailed: 'The preference could not be saved on the server; this device remembers it.',
    userMenu: 'User menu',
  },
}
export default en
