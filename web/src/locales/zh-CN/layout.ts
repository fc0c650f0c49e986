export default {
  menu: {
    home: '首页',
    system: '系统管理',
    users: '用户管理',
    audit: '审计日志',
    account: '个人中心',
    password: '修改密码',
    forbidden: '无权访问',
    notFound: '页面不存在',
  },
  header: {
    toggleMenu: '展开/收起菜单',
    largeFont: '适老化',
    largeFontHint: '大字体、高对比度',
    changePassword: '修改密码',
    logout: '退出登录',
    prefsFailed: '偏好设置未能保存到服务器，本机已记住。',
    userMenu: '用户菜单',
  },
}
