import type zh from '../zh-CN/role'

const en: typeof zh = {
  role: {
    admin: 'System administrator',
    security_admin: 'Security administrator',
    audit_admin: 'Audit administrator',
    coordinator: 'Legal-education coordinator',
    unit_operator: 'Unit liaison',
    village_operator: 'Village operator',
    lecturer: 'Lecturer',
    advisor: 'Legal advisor',
    service_staff: 'Public legal service staff',
    mediator: 'Mediator',
    grid_worker: 'Grid worker',
    inspector: 'Inspector',
    legal_reviewer: 'Legality reviewer',
    examinee: 'Examinee',
    public: 'Public',
  },
}
export default en
