/**
 * What every chart shares (the activity dashboard, an exam's results): its text size, larger in 适老化 mode,
 * and whole-number ticks on the axes that count (场次, 人次, 人数: three records never read 0.5, 1, 1.5 …).
 */

/** ECharts font size in px: 12 as ECharts draws it, 16 beside the 18 px text of 适老化. */
export const chartFontSize = (large: boolean) => (large ? 16 : 12)

/**
 * The page's fonts, named: ECharts draws on a canvas, where `inherit` is no font family — the canvas then drops
 * the whole font (size included) and draws 10 px sans-serif.
 */
export const CHART_FONT_FAMILY = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif"

/** The options of a value axis that counts things. */
export const COUNT_AXIS = { type: 'value', minInterval: 1 } as const
