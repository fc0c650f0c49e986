/** GET /choices (open): every fixed choice list of the registries, its codes and their zh-CN labels. */
import type zhChoice from '@/locales/zh-CN/choice'
import { http } from './http'

/** The lists by name (unit_type, person_tag, review_status ...); the locale labels each code. */
export type ChoiceListName = keyof (typeof zhChoice)['choice']

export interface ChoiceItem {
  code: string
  /** The server's zh-CN label, shown only when the locale has no `choice.<list>.<code>`. */
  label: string
}

export type ChoiceLists = Partial<Record<ChoiceListName, ChoiceItem[]>>

export const fetchChoices = () => http.get<{ lists: ChoiceLists }>('/choices', undefined, { quiet401: true })
