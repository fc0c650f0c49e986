/** 学法考试 (staff and examinees): banks, exams, results, my exams; and the full-page sitting, certificate and quiz. */
import { Collection, DataAnalysis, EditPen, Files, Medal, Present, Tickets } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from '../paths'

/** Children of the staff layout (menu entries). */
export const examRoutes: RouteRecordRaw[] = [
  {
    path: 'exam',
    name: 'exam',
    meta: { title: 'exam.menu.root', icon: EditPen, permission: 'exam.manage' },
    redirect: { name: 'exam-banks' },
    children: [
      {
        path: 'banks',
        name: 'exam-banks',
        component: () => import('@/views/exam/bank/list.vue'),
        meta: { title: 'exam.menu.banks', icon: Collection },
      },
      {
        path: 'banks/:bankId(\\d+)',
        name: 'exam-bank-questions',
        component: () => import('@/views/exam/question/list.vue'),
        meta: { title: 'exam.menu.questions', parentTitle: 'exam.menu.banks', hideInMenu: true, activeMenu: `${ADMIN_BASE}/exam/banks` },
      },
      {
        path: 'exams',
        name: 'exam-exams',
        component: () => import('@/views/exam/exam/list.vue'),
        meta: { title: 'exam.menu.exams', icon: Files },
      },
      {
        path: 'exams/new',
        name: 'exam-exam-new',
        component: () => import('@/views/exam/exam/form.vue'),
        meta: { title: 'exam.menu.examNew', parentTitle: 'exam.menu.exams', hideInMenu: true, activeMenu: `${ADMIN_BASE}/exam/exams` },
      },
      {
        path: 'exams/:id(\\d+)/edit',
        name: 'exam-exam-edit',
        component: () => import('@/views/exam/exam/form.vue'),
        meta: { title: 'exam.menu.examEdit', parentTitle: 'exam.menu.exams', hideInMenu: true, activeMenu: `${ADMIN_BASE}/exam/exams` },
      },
      {
        path: 'exams/:id(\\d+)/results',
        name: 'exam-results',
        // Its own chunk with ECharts: nothing else loads the charts.
        component: () => import('@/views/exam/results/index.vue'),
        meta: { title: 'exam.menu.results', icon: DataAnalysis, parentTitle: 'exam.menu.exams', hideInMenu: true, activeMenu: `${ADMIN_BASE}/exam/exams` },
      },
      {
        path: 'settings',
        name: 'exam-settings',
        component: () => import('@/views/exam/settings/index.vue'),
        meta: { title: 'exam.menu.settings', icon: Medal },
      },
      {
        path: 'quizzes',
        name: 'exam-quizzes',
        component: () => import('@/views/exam/quiz/list.vue'),
        meta: { title: 'exam.quiz.admin.menu', icon: Present },
      },
      {
        path: 'quizzes/new',
        name: 'exam-quiz-new',
        component: () => import('@/views/exam/quiz/form.vue'),
        meta: { title: 'exam.quiz.admin.newTitle', parentTitle: 'exam.quiz.admin.menu', hideInMenu: true, activeMenu: `${ADMIN_BASE}/exam/quizzes` },
      },
      {
        path: 'quizzes/:id(\\d+)/edit',
        name: 'exam-quiz-edit',
        component: () => import('@/views/exam/quiz/form.vue'),
        meta: { title: 'exam.quiz.admin.editTitle', parentTitle: 'exam.quiz.admin.menu', hideInMenu: true, activeMenu: `${ADMIN_BASE}/exam/quizzes` },
      },
      {
        path: 'quizzes/:id(\\d+)',
        name: 'exam-quiz-detail',
        component: () => import('@/views/exam/quiz/detail.vue'),
        meta: { title: 'exam.quiz.admin.detail', parentTitle: 'exam.quiz.admin.menu', hideInMenu: true, activeMenu: `${ADMIN_BASE}/exam/quizzes` },
      },
    ],
  },
  {
    path: 'my-exams',
    name: 'exam-my',
    component: () => import('@/views/exam/my/list.vue'),
    meta: { title: 'exam.menu.my', icon: Tickets, permission: 'exam.take' },
  },
]

/** Full-page routes outside the staff layout (the exam sitting page, the certificate); the public quiz is a portal page. */
export const examPageRoutes: RouteRecordRaw[] = [
  {
    path: '/exam/:examId(\\d+)',
    name: 'exam-sitting',
    component: () => import('@/views/exam/sitting/index.vue'),
    meta: { title: 'exam.sit.title' },
  },
  {
    path: '/exam/certificate/:attemptId(\\d+)',
    name: 'exam-certificate',
    component: () => import('@/views/exam/certificate/index.vue'),
    meta: { title: 'exam.cert.title' },
  },
]
