/**
 * What the import dialog (import-dialog.vue) imports and how: the registries (.xlsx) and the question
 * banks (.xlsx, .csv, .json, .jsonl) each describe theirs. Uploads are all or nothing on the server:
 * 422 import_failed lists the refused rows.
 */
import type { Download } from '@/api/http'
import { i18n } from '@/locales'
import { saveBlob } from '@/utils/download'
import { toastError } from '@/utils/errors'

export interface ImportOutcome {
  imported: number
  /** Registries: rows created, and rows with a 系统编号 that updated their record. */
  created?: number
  updated?: number
  /** The template's example rows left out. */
  examples_skipped?: number
  /** The worksheet that was read. */
  sheet?: string
  /** Rows left out because the same record is already there (question banks). */
  skipped_duplicates?: { row: number; stem: string }[]
  /** What was imported but should be looked at (laws the library does not hold yet). */
  warnings?: string[]
}

export interface Importer {
  /**
   * i18n prefix of the area's texts: title, hint, badType, templateName, done, failed, nothingWritten,
   * and skipped, duplicateStem when rows may be skipped.
   */
  texts: string
  /** Named values of those texts ({entity}). */
  named?: Record<string, unknown>
  /** The file input's accept list. */
  accept: string
  accepts: (file: File) => boolean
  upload: (file: File, onProgress: (pct: number) => void) => Promise<ImportOutcome>
  template: () => Promise<Download>
  /** A refused row's field as people read it. */
  fieldLabel: (field: string) => string
  /** The failed rows of the same file as a workbook to fix and import again (registries). */
  failedRows?: (file: File) => Promise<Download>
}

/** Downloads the import template under the server's file name (or the area's own). */
export async function saveTemplate(importer: Importer) {
  try {
    const r = await importer.template()
    saveBlob(r.blob, r.filename ?? i18n.global.t(`${importer.texts}.templateName`, importer.named ?? {}))
  } catch (e) {
    toastError(e)
  }
}
