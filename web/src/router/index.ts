import { createRouter, createWebHistory } from 'vue-router'
import { installGuard } from './guard'
import { routes } from './routes/core'

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

installGuard(router)
