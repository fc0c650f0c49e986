import type zh from '../zh-CN/error'

const en: typeof zh = {
  errorPage: {
    forbiddenTitle: 'Forbidden',
    forbiddenText: 'Your account may not open this page. Ask the system administrator if you need it.',
    notFoundTitle: 'Page not found',
    notFoundText: 'The page does not exist or has been removed. Check the address.',
    backHome: 'Back to home',
    back: 'Go back',
  },
}
export default en
