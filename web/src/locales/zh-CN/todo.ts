export default {
  todo: {
    title: '待办事项',
    total: '共 {n} 项',
    none: '暂无待办事项。',
    badge: '{n} 项待办',
    unknown: '待处理事项（{code}）',
    items: {
      activities: { review: '待审核的普法活动', returned: '被退回的普法活动' },
      study_records: { review: '待审核的学法记录', returned: '被退回的学法记录' },
      articles: { review: '待审核的文章', returned: '被退回的文章' },
      exams: { open: '可参加的考试' },
      roles: { approve: '待复核的角色授予' },
      duty: { lists: { review: '待审核的责任清单', returned: '被退回的责任清单' }, tasks: { open: '待落实的责任任务', confirm: '待确认的任务报送' } },
      assess: { sheets: { submit: '待上报的考核自评' }, units: { inspect: '待现场打分的单位' }, fixes: { answer: '待整改的考核问题', decide: '待验收的整改情况' } },
      legality: { review: '待审核的送审件', supply: '待补充材料的送审件', adopt: '待记录采纳情况的送审件' },
      service: {
        bookings: { answer: '待答复的群众预约' },
        days: { check_in: '今日待签到的服务日', confirm: '待核实的法律顾问服务日' },
        callbacks: { close: '待回访的不满意评价' },
        aid: { decide: '待审查的法律援助申请', assign: '待指派律师的法律援助' },
      },
      village: {
        applications: { score: '待乡镇评分的民主法治村申报', review: '待市级审核的民主法治村申报' },
        reviews: { decide: '待作出结论的民主法治村复核' },
      },
    },
    hints: {
      activities: { review: '请逐条审核通过或退回', returned: '请按退回原因修改后保存，将重新提交审核' },
      study_records: { review: '请逐条审核通过或退回', returned: '请按退回原因修改后保存，将重新提交审核' },
      articles: { review: '预览后发布，或写明意见退回', returned: '请按审核意见修改后重新提交' },
      exams: { open: '请在考试截止前完成答题' },
      roles: { approve: '由另一名安全管理员提出，请核实后通过或驳回' },
      duty: { lists: { review: '审核后在门户发布，或写明原因退回', returned: '请按退回原因修改后重新报送' }, tasks: { open: '按时完成或报送佐证，逾期的排在前面', confirm: '核对佐证后确认完成或退回' } },
      assess: {
        sheets: { submit: '逐项自评并附佐证，写好自查报告后上报' },
        units: { inspect: '实地查看后逐项打分，组长确认检查结果' },
        fixes: { answer: '按整改要求整改，写明整改情况后提交', decide: '核对整改情况后验收通过或退回' },
      },
      legality: {
        review: '在审核期限内出具审核意见，材料不全的可要求补充',
        supply: '审核暂停计时，请按要求补充材料',
        adopt: '文件出台（或撤回）后记录采纳情况',
      },
      service: {
        bookings: { answer: '在答复时限内确认预约或另约时间' },
        days: { check_in: '到村后签到，出示签到码供村（社区）核验', confirm: '输入顾问出示的签到码，或确认顾问已到岗' },
        callbacks: { close: '回访群众，记录意见和处理情况' },
        aid: { decide: '收到申请之日起 7 日内作出是否给予法律援助的决定', assign: '决定给予之日起 3 日内指派承办律师' },
      },
      village: {
        applications: { score: '逐项评分后推荐或不推荐', review: '逐项审核得分后通过或不通过' },
        reviews: { decide: '复核后作出保留、撤销或注销的结论' },
      },
    },
  },
}
