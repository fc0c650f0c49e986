/** The to-do centre (docs/api.md): what waits for the signed-in user, counted by each area. */
import { http } from './http'

/** One kind of waiting work: a stable code (`activities.review`) and how many; only counts above zero come. */
export interface TodoItem {
  code: string
  count: number
}

export interface Todo {
  items: TodoItem[]
  total: number
}

export const fetchTodo = () => http.get<Todo>('/todo')
