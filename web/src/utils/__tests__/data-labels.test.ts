import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { columnLabel, sectionLabel, suggestion } from '../data-labels'

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('labels of data: columns, sections, suggested searches', () => {
  it('shows the Chinese names in the Chinese UI', () => {
    expect(columnLabel('plans', '计划总结')).toEqual({ text: '计划总结' })
    expect(sectionLabel('政务公开')).toEqual({ text: '政务公开' })
  })

  it('labels them in English by code, or by the Chinese name when no code came', () => {
    i18n.global.locale.value = 'en'
    expect(columnLabel('news', '新闻动态').text).toBe('News')
    expect(columnLabel(undefined, '计划总结').text).toBe('Plans and reports')
    expect(sectionLabel('政务公开').text).toBe('Government information')
    expect(sectionLabel('普法动态').text).toBe('Legal education news')
  })

  it('marks a name no locale knows as Chinese', () => {
    i18n.global.locale.value = 'en'
    expect(columnLabel(undefined, '专题专栏')).toEqual({ text: '专题专栏', lang: 'zh-CN' })
    expect(sectionLabel('专题')).toEqual({ text: '专题', lang: 'zh-CN' })
  })

  it('searches the Chinese words whatever the label', () => {
    i18n.global.locale.value = 'en'
    expect(suggestion('divorceCoolingOff')).toEqual({ label: 'Divorce cooling-off period', q: '离婚冷静期' })
  })
})
