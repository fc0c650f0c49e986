export default {
  role: {
    admin: '系统管理员',
    security_admin: '安全管理员',
    audit_admin: '安全审计员',
    coordinator: '普法办协调员',
    unit_operator: '单位联络员',
    village_operator: '村(社区)操作员',
    lecturer: '普法讲师',
    advisor: '法律顾问',
    service_staff: '公共法律服务工作人员',
    mediator: '调解员',
    grid_worker: '网格员',
    inspector: '检查组成员',
    legal_reviewer: '合法性审核员',
    examinee: '考生',
    public: '公众',
  },
}
