import type zh from '../zh-CN/exam'

const en: typeof zh = {
  exam: {},
}

export default en
