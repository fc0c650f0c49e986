import type zh from '../zh-CN/portal'

const en: typeof zh = {
  portal: {},
}

export default en
