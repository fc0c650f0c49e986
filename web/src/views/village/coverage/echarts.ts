/**
 * ECharts for 覆盖情况 only: the core, the canvas renderer, the bar chart, grid, legend and tooltip. Imported by that page
 * alone, so it stays in its lazy chunk (as views/service/scores/echarts.ts).
 */
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { use, type ComposeOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import VChart from 'vue-echarts'

use([CanvasRenderer, BarChart, GridComponent, LegendComponent, TooltipComponent])

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

export { VChart }
