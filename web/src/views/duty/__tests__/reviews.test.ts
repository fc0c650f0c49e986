import { describe, expect, it } from 'vitest'
import {
  ballotMarks, bandsOk, byRank, DEFAULT_BANDS, DEFAULT_WEIGHTS, GRADE_TAG, retryAfter, scoreText, videoUrlOk, weightSum, weightsOk,
} from '@/api/duty-review'
import { ApiError } from '@/api/http'

describe('履职评议 pages', () => {
  it('takes weights that add up to 100, and says the sum of those that do not', () => {
    expect(weightsOk(DEFAULT_WEIGHTS)).toBe(true)
    expect(weightsOk({ public: 100, panel: 0, members: 0 })).toBe(true)
    expect(weightSum({ public: 40, panel: 30, members: 20 })).toBe(90)
    expect(weightsOk({ public: 40, panel: 30, members: 20 })).toBe(false)
    expect(weightsOk({ public: 120, panel: -10, members: -10 })).toBe(false)
    // 33.3 + 33.3 + 33.4 in floating point is not exactly 100
    expect(weightsOk({ public: 33.3, panel: 33.3, members: 33.4 })).toBe(true)
  })

  it('takes grade thresholds from high to low within 0..100', () => {
    expect(bandsOk(DEFAULT_BANDS)).toBe(true)
    expect(bandsOk({ excellent: 90, good: 90, fair: 60 })).toBe(false)
    expect(bandsOk({ excellent: 101, good: 80, fair: 60 })).toBe(false)
    expect(bandsOk({ excellent: 90, good: 80, fair: -1 })).toBe(false)
  })

  it('tags the grades as the pages colour them', () => {
    expect(GRADE_TAG).toEqual({ excellent: 'success', good: 'primary', fair: 'warning', poor: 'danger' })
  })

  it('sends the marks of the units rated only, in the order shown', () => {
    const entries = [{ id: 3 }, { id: 1 }, { id: 2 }]
    expect(ballotMarks(entries, { 1: 'basic', 2: '', 3: 'satisfied' })).toEqual([
      { entry_id: 3, mark: 'satisfied' }, { entry_id: 1, mark: 'basic' },
    ])
    expect(ballotMarks(entries, {})).toEqual([])
  })

  it('waits as long as a 429 says before another code, and not after other errors', () => {
    expect(retryAfter(new ApiError(429, 'rate_limited', '请稍后再试', undefined, undefined, undefined, { retry_after_seconds: 42.2 }))).toBe(43)
    expect(retryAfter(new ApiError(429, 'rate_limited', '请稍后再试'))).toBe(60)
    expect(retryAfter(new ApiError(409, 'voting_closed', '测评已结束'))).toBe(0)
    expect(retryAfter(new Error('x'))).toBe(0)
  })

  it('takes http and https video links, or none', () => {
    expect(videoUrlOk('')).toBe(true)
    expect(videoUrlOk(' https://v.example.cn/a.mp4 ')).toBe(true)
    expect(videoUrlOk('http://example.cn/v?id=1')).toBe(true)
    expect(videoUrlOk('javascript:alert(1)')).toBe(false)
    expect(videoUrlOk('ftp://example.cn/v.mp4')).toBe(false)
    expect(videoUrlOk('example.cn/v.mp4')).toBe(false)
  })

  it('orders results by rank, the unranked last, and prints scores to one decimal', () => {
    const rows = [
      { rank: null, unit_name: '市教育局' }, { rank: 2, unit_name: '市公安局' }, { rank: 1, unit_name: '市司法局' },
    ]
    expect(byRank(rows).map((r) => r.unit_name)).toEqual(['市司法局', '市公安局', '市教育局'])
    expect(scoreText(88)).toBe('88.0')
    expect(scoreText(null)).toBe('-')
  })
})
