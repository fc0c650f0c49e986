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
      duty: { lists: { review: 'Responsibility lists to review', returned: 'Responsibility lists sent back to you' }, tasks: { open: 'Responsibility tasks to do', confirm: 'Task reports to confirm' } },
      assess: { sheets: { submit: 'Self-assessments to hand in' }, units: { inspect: 'Units to score on site' }, fixes: { answer: 'Rectifications to make', decide: 'Rectifications to accept' } },
      legality: { review: 'Submissions to review', supply: 'Submissions waiting for your material', adopt: 'Opinions whose adoption to record' },
      service: {
        bookings: { answer: 'Residents\' bookings to answer' },
        days: { check_in: 'Service days to check in today', confirm: 'Advisors\' service days to confirm' },
        callbacks: { close: 'Dissatisfied ratings to call back' },
        aid: { decide: 'Legal aid applications to decide', assign: 'Legal aid cases waiting for a lawyer' },
      },
      village: {
        applications: { score: 'Rule-of-law village applications to score (township)', review: 'Rule-of-law village applications to review (city)' },
        reviews: { decide: 'Rule-of-law village reviews to conclude' },
      },
    },
    hints: {
      activities: { review: 'Approve or return each one', returned: 'Correct them as the reason says and save: they go back for review' },
      study_records: { review: 'Approve or return each one', returned: 'Correct them as the reason says and save: they go back for review' },
      articles: { review: 'Preview, then publish or return with comments', returned: 'Revise them as the comments say and submit again' },
      exams: { open: 'Finish before the exam closes' },
      roles: { approve: 'Asked by another security administrator: check, then approve or reject' },
      duty: { lists: { review: 'Publish on the portal after review, or return with a reason', returned: 'Correct as the reason says and submit again' }, tasks: { open: 'Do them or report evidence; overdue ones first', confirm: 'Check the evidence, then confirm or return' } },
      assess: {
        sheets: { submit: 'Score each item with evidence, write the report, then hand it in' },
        units: { inspect: 'Score each item on site; the leader confirms' },
        fixes: { answer: 'Make the rectification and describe it', decide: 'Check what was done, then accept or return' },
      },
      legality: {
        review: 'Issue the opinion within the time limit, or ask for missing material',
        supply: 'The clock is paused: supply the material asked for',
        adopt: 'Record what was adopted once the document is out (or withdrawn)',
      },
      service: {
        bookings: { answer: 'Confirm the day or propose another within the time to answer' },
        days: { check_in: 'Check in once in the village and show the code to be verified', confirm: 'Enter the advisor\'s code, or confirm they were here' },
        callbacks: { close: 'Call the resident back and note what was said and done' },
        aid: { decide: 'Decide within 7 days of receiving the application', assign: 'Assign a lawyer within 3 days of the decision' },
      },
      village: {
        applications: { score: 'Score each criterion, then recommend or not', review: 'Check each score, then approve or reject' },
        reviews: { decide: 'Conclude the review: keep, revoke or cancel the title' },
      },
    },
  },
}

export default en
