/**
 * ECharts for 考核与补贴 only: the core, the canvas renderer, the bar chart, grid and tooltip. Imported by that page
 * alone, so it stays in its lazy chunk (as views/exam/results/echarts.ts).
 */
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { use, type ComposeOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import VChart from 'vue-echarts'

use([CanvasRenderer, BarChart, GridComponent, TooltipComponent])

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>

export { VChart }
