/** 学法考试 (staff and examinees): banks, exams, results, my exams. Filled in by the exam pages. */
import type { RouteRecordRaw } from 'vue-router'

/** Children of the staff layout (menu entries). */
export const examRoutes: RouteRecordRaw[] = []
/** Full-page routes outside the staff layout (the exam sitting page, the public quiz). */
export const examPageRoutes: RouteRecordRaw[] = []
