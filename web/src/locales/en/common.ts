import type zh from '../zh-CN/common'

const en: typeof zh = {
  app: {
    title: 'Lanxi Legal Education and Governance Platform',
    short: 'Pufa',
    org: 'Lanxi Municipal Justice Bureau',
  },
  common: {
    search: 'Search',
    reset: 'Reset',
    add: 'Add',
    edit: 'Edit',
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'OK',
    close: 'Close',
    operations: 'Actions',
    all: 'All',
    yes: 'Yes',
    no: 'No',
    none: 'None',
    loading: 'Loading…',
    refresh: 'Refresh',
    print: 'Print',
    noData: 'No data',
    confirmTitle: 'Please confirm',
    saved: 'Saved',
    requestId: 'Request ID: {id}',
    import: {
      choose: 'Choose file',
      noFile: 'No file chosen',
      template: 'Download template',
      start: 'Import',
      uploading: 'Uploading…',
      processing: 'Checking and importing, please wait…',
      row: 'Row',
      field: 'Field',
      message: 'Problem',
    },
    error: {
      network: 'Cannot reach the server. Check the network and try again.',
      http: 'The server could not handle the request (HTTP {status}). Please try again later.',
    },
  },
  locale: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English',
  },
}
export default en
