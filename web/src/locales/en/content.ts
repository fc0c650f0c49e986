import type zh from '../zh-CN/content'

const en: typeof zh = {
  content: {},
}

export default en
