/** 用户管理: table columns, status tags, form rules. The page (list.vue) stays about layout. */
import type { FormRules } from 'element-plus'
import type { User } from '@/api/types'
import type { TableColumn } from '@/components/table/columns'
import { i18n } from '@/locales'
import { MOBILE_RE, required, rule, strongPassword, USERNAME_RE } from '@/utils/validators'

export const DEFAULT_SORT = '-created_at'
const NAME_MAX = 32

/** `sortable` columns are sorted by the server (`sort=created_at` / `-created_at`); 手机号 gives way on a 1366 px screen. */
export const columns: TableColumn<keyof User | 'status'>[] = [
  { key: 'username', label: 'user.username', minWidth: 120 },
  { key: 'display_name', label: 'user.displayName', minWidth: 110, card: 'title' },
  { key: 'roles', label: 'user.roles', minWidth: 140 },
  { key: 'region_name', label: 'user.region', minWidth: 130 },
  { key: 'phone', label: 'user.phone', width: 125, minScreen: 1440 },
  { key: 'status', label: 'user.status', width: 84 },
  { key: 'created_at', label: 'user.createdAt', width: 140, sortable: true },
  { key: 'last_login_at', label: 'user.lastLogin', width: 140 },
]

export type UserStatus = 'normal' | 'disabled' | 'locked'

export function statusOf(u: User, now = Date.now()): UserStatus {
  if (u.disabled) return 'disabled'
  if (u.locked_until && Date.parse(u.locked_until) > now) return 'locked'
  return 'normal'
}

export const statusTag: Record<UserStatus, { type: 'success' | 'info' | 'warning' | 'danger'; label: string }> = {
  normal: { type: 'success', label: 'user.statusNormal' },
  disabled: { type: 'danger', label: 'user.statusDisabled' },
  locked: { type: 'warning', label: 'user.statusLocked' },
}

export interface UserForm {
  username: string
  display_name: string
  password: string
  roles: string[]
  region_id: number | null
  /** A department liaison's unit (普法责任制); null: the region scope alone. */
  unit_id: number | null
  phone: string
  /** Edit only: remove the stored number. */
  clear_phone: boolean
}

export const emptyForm = (): UserForm => ({
  username: '',
  display_name: '',
  password: '',
  roles: [],
  region_id: null,
  unit_id: null,
  phone: '',
  clear_phone: false,
})

/** Fields the server may name in an error, so its message lands under the field. */
export const FORM_FIELDS = ['username', 'display_name', 'password', 'roles', 'region_id', 'unit_id', 'phone']

export function formRules(creating: boolean): FormRules {
  const t = i18n.global.t
  const r: FormRules = {
    display_name: [
      required(() => t('user.rules.displayNameRequired')),
      rule((v) => v.trim().length <= NAME_MAX, () => t('user.rules.displayNameLength')),
    ],
    roles: [{ type: 'array', required: true, min: 1, message: () => t('user.rules.rolesRequired'), trigger: 'change' }],
    region_id: [{ required: true, message: () => t('user.rules.regionRequired'), trigger: 'change' }],
    phone: [rule((v) => v === '' || MOBILE_RE.test(v), () => t('user.rules.phoneFormat'))],
  }
  if (creating) {
    r.username = [
      required(() => t('user.rules.usernameRequired')),
      rule((v) => USERNAME_RE.test(v), () => t('user.rules.usernameFormat')),
    ]
    r.password = passwordRules()
  }
  return r
}

export function passwordRules() {
  const t = i18n.global.t
  return [required(() => t('password.newRequired')), rule(strongPassword, () => t('password.rule'))]
}
