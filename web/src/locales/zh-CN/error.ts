export default {
  errorPage: {
    forbiddenTitle: '无权访问',
    forbiddenText: '您的账号没有访问该页面的权限。如需开通，请联系系统管理员。',
    notFoundTitle: '页面不存在',
    notFoundText: '您访问的页面不存在或已被移除，请检查地址是否正确。',
    backHome: '返回首页',
    back: '返回上一页',
  },
}
