import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/locales'
import { ApiError, http } from '../http'

/** The server answers every request with this status and body. */
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  vi.stubGlobal('fetch', vi.fn(async () => new Response(text, { status, headers })))
}

async function failure(): Promise<ApiError> {
  try {
    await http.get('/anything')
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('the request did not fail')
}

const error = (code: string, message: string, field?: string) => ({
  error: { code, message, ...(field ? { field } : {}), request_id: 'req-1' },
})

afterEach(() => {
  vi.unstubAllGlobals()
  i18n.global.locale.value = 'zh-CN'
})

describe('server errors in zh-CN', () => {
  it('show the server’s own sentence, which names the problem', async () => {
    answer(400, error('validation_failed', '手机号应为 11 位手机号码', 'phone'))
    const e = await failure()
    expect(e).toMatchObject({ status: 400, code: 'validation_failed', field: 'phone', requestId: 'req-1' })
    expect(e.message).toBe('手机号应为 11 位手机号码')
  })

  it('show the locale’s sentence when the server sent none', async () => {
    answer(403, error('forbidden', ''))
    expect((await failure()).message).toBe('您没有执行此操作的权限')
  })
})

describe('server errors in English', () => {
  it('show the English sentence of a known code', async () => {
    i18n.global.locale.value = 'en'
    answer(409, error('attempt_closed', '答卷已结束'))
    expect((await failure()).message).toBe('The exam attempt has ended: the answer was not saved.')
    answer(429, error('account_locked', '登录失败次数过多，账户已锁定，请 15 分钟后再试'))
    expect((await failure()).message).toMatch(/locked/)
  })

  it('name the field of a validation error after the generic sentence', async () => {
    i18n.global.locale.value = 'en'
    answer(400, error('validation_failed', '手机号应为 11 位手机号码', 'phone'))
    const e = await failure()
    expect(e.message).toBe('Some of what was entered is not valid. Please check it and try again. (Mobile phone)')
    expect(e.field).toBe('phone')
    // a nested field is named by its last part
    answer(400, error('validation_failed', '请选择单位', 'eligibility.unit_id'))
    expect((await failure()).message).toMatch(/\(Unit\)$/)
  })

  it('give the generic sentence alone for a field the locale does not name', async () => {
    i18n.global.locale.value = 'en'
    answer(400, error('validation_failed', '请填写开展活动的地点', 'venue_notes'))
    expect((await failure()).message).toBe('Some of what was entered is not valid. Please check it and try again.')
  })

  it('keep the server’s sentence for a code the locale does not know', async () => {
    i18n.global.locale.value = 'en'
    answer(418, error('teapot', '我是茶壶'))
    expect((await failure()).message).toBe('我是茶壶')
  })

  it('keep the rows of a failed import', async () => {
    i18n.global.locale.value = 'en'
    answer(422, { error: { code: 'import_failed', message: '导入失败', rows: [{ row: 3, field: 'phone', message: '手机号有误' }] } })
    const e = await failure()
    expect(e.message).toBe('Import failed: the file has errors and nothing was written.')
    expect(e.rows).toEqual([{ row: 3, field: 'phone', message: '手机号有误' }])
  })
})

describe('answers that are not the error envelope', () => {
  it('say the status in a sentence, with the request id of the header', async () => {
    i18n.global.locale.value = 'en'
    answer(502, '<html>Bad Gateway</html>', { 'X-Request-Id': 'gw-9' })
    const e = await failure()
    expect(e.code).toBe('http_error')
    expect(e.message).toContain('HTTP 502')
    expect(e.requestId).toBe('gw-9')
  })

  it('say the network is down when nothing answers', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const e = await failure()
    expect(e).toMatchObject({ status: 0, code: 'network_error' })
    expect(e.message).toBe('无法连接到服务器，请检查网络后重试。')
  })
})
