/**
 * The fixed choice lists (GET /choices): fetched once per app load, on first use. Their codes are
 * labelled from the locale (`choice.<list>.<code>`); the server's zh-CN label only fills a missing key.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchChoices, type ChoiceListName, type ChoiceLists } from '@/api/choices'
import { i18n } from '@/locales'

/** An option as a select shows it: the stored value and the text read in the current locale. */
export interface Choice {
  value: string
  label: string
}

/** What a code of a list reads as: the locale's label, else the server's, else the code itself. */
export function choiceLabel(list: ChoiceListName, code: string, serverLabel?: string): string {
  const key = `choice.${list}.${code}`
  if (i18n.global.te(key)) return i18n.global.t(key)
  return serverLabel || code
}

export const useChoicesStore = defineStore('choices', () => {
  const lists = ref<ChoiceLists>({})
  let pending: Promise<void> | null = null

  /** Asks the server once; a failed load may be tried again. */
  function load(): Promise<void> {
    pending ??= fetchChoices()
      .then((r) => {
        lists.value = r.lists
      })
      .catch((e: unknown) => {
        pending = null
        throw e
      })
    return pending
  }

  const options = (list: ChoiceListName): Choice[] =>
    (lists.value[list] ?? []).map((c) => ({ value: c.code, label: choiceLabel(list, c.code, c.label) }))

  const label = (list: ChoiceListName, code: string): string =>
    choiceLabel(list, code, lists.value[list]?.find((c) => c.code === code)?.label)

  return { lists, load, options, label }
})
