/** Runs one workflow action with its 二次确认 (and the 退回 reason), then tells the page to reload. */
import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import {
  deleteArticle,
  publishArticle,
  RETURN_REASON_MAX,
  returnArticle,
  submitArticle,
  withdrawArticle,
  type Article,
} from '@/api/content'
import { i18n } from '@/locales'
import { useTodoStore } from '@/stores/todo'
import { toastError, toastOk } from '@/utils/errors'
import { publicUrl, type Action } from './data'

/** Returns true when the action ran (false when the user cancelled or the server refused). */
export async function runAction(action: Exclude<Action, 'edit' | 'review'>, a: Pick<Article, 'id' | 'title'>): Promise<boolean> {
  const t = i18n.global.t
  if (action === 'preview') {
    window.open(publicUrl(a.id), '_blank', 'noopener')
    return false
  }
  let reason = ''
  try {
    if (action === 'return') {
      const r = await ElMessageBox.prompt(t('content.confirm.returnText', { title: a.title }), t('content.actions.return'), {
        confirmButtonText: t('content.actions.return'),
        cancelButtonText: t('common.cancel'),
        inputPlaceholder: t('content.confirm.reasonPlaceholder'),
        inputValidator: (v: string) => {
          const s = (v ?? '').trim()
          if (!s) return t('content.confirm.reasonRequired')
          return s.length <= RETURN_REASON_MAX || t('content.confirm.reasonTooLong', { n: RETURN_REASON_MAX })
        },
      })
      reason = r.value.trim()
    } else {
      await ElMessageBox.confirm(t(`content.confirm.${action}Text`, { title: a.title }), t(`content.actions.${action}`), {
        type: action === 'delete' || action === 'withdraw' ? 'warning' : 'info',
        confirmButtonText: t(`content.actions.${action}`),
        cancelButtonText: t('common.cancel'),
      })
    }
  } catch {
    return false // cancelled
  }
  try {
    if (action === 'submit') await submitArticle(a.id)
    else if (action === 'return') await returnArticle(a.id, reason)
    else if (action === 'publish') await publishArticle(a.id)
    else if (action === 'withdraw') await withdrawArticle(a.id)
    else if (action === 'delete') await deleteArticle(a.id)
    toastOk(t(`content.done.${action}`))
    useTodoStore().refresh()
    return true
  } catch (e) {
    toastError(e)
    return false
  }
}
