/** One question before a step that cannot be undone (locking a round, submitting, confirming). */
import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { i18n } from '@/locales'

export async function ask(message: string, danger = false): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.confirm'),
      confirmButtonClass: danger ? 'el-button--danger' : undefined,
      cancelButtonText: t('common.cancel'),
    })
    return true
  } catch {
    return false
  }
}
