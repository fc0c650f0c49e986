import type zh from '../zh-CN/todo'

const en: typeof zh = {
  todo: {
    title: 'To do',
    total: '{n} in all',
    none: 'Nothing is waiting for you.',
    badge: '{n} waiting',
    unknown: 'Waiting ({code})',
    items: {
      activities: { review: 'Activities to review', returned: 'Activities sent back to you' },
      study_records: { review: 'Study records to review', returned: 'Study records sent back to you' },
      articles: { review: 'Articles to review', returned: 'Articles sent back to you' },
      exams: { open: 'Exams you can sit' },
      roles: { approve: 'Role grants to approve' },
    },
    hints: {
      activities: { review: 'Approve or return each one', returned: 'Correct them as the reason says and save: they go back for review' },
      study_records: { review: 'Approve or return each one', returned: 'Correct them as the reason says and save: they go back for review' },
      articles: { review: 'Preview, then publish or return with comments', returned: 'Revise them as the comments say and submit again' },
      exams: { open: 'Finish before the exam closes' },
      roles: { approve: 'Asked by another security administrator: check, then approve or reject' },
    },
  },
}

export default en
