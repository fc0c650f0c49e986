export default {
  dashboard: {
    greeting: '{name}，您好！',
    intro: '欢迎使用兰溪市普法依法治理工作平台。',
    role: '角色',
    scope: '管辖范围',
    lastLogin: '最近登录',
    firstLogin: '首次登录',
    shortcuts: '常用功能',
    noShortcuts: '您当前的角色暂无可用的管理功能。',
    system: '系统状态',
    status: '服务状态',
    statusOk: '运行正常',
    statusBad: '异常',
    db: '数据库',
    version: '版本',
    checkedAt: '检测时间',
    shortcutDesc: {
      users: '新增、编辑、停用账号，重置密码',
      audit: '查看登录与操作记录',
      password: '定期修改登录密码',
    },
  },
}
