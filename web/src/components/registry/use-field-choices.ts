/**
 * The options of a registry's choice fields and the text of their values: a served list (GET /choices,
 * codes labelled by the locale) or a dictionary the coordinators keep (values shown as they are).
 */
import { useChoicesStore, type Choice } from '@/stores/choices'
import { useDictStore } from '@/stores/dict'
import { toastError } from '@/utils/errors'
import type { FieldDef } from './schema'

export function useFieldChoices() {
  const choices = useChoicesStore()
  const dict = useDictStore()

  /** Fetches what these fields offer (the lists once per app load, each dictionary once). */
  function load(fields: FieldDef[]) {
    if (fields.some((f) => f.choices)) choices.load().catch(toastError)
    for (const f of fields) if (f.dict) dict.load(f.dict).catch(toastError)
  }

  const optionsOf = (f: FieldDef): Choice[] =>
    f.dict ? dict.choices(f.dict) : f.choices ? choices.options(f.choices) : []

  /** A stored value as people read it: a code's label; a dictionary value as it is. */
  const labelOf = (f: FieldDef, value: string): string => (f.choices ? choices.label(f.choices, value) : value)

  return { load, optionsOf, labelOf }
}
