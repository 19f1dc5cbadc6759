// The echarts modules the workbench uses, registered once. Importing from echarts/core and naming
// each chart type and component keeps the bundle to what the views draw (line, box plot, scatter
// and bar charts on a canvas), instead of the whole library.
import { BarChart, BoxplotChart, LineChart, ScatterChart, type BarSeriesOption, type BoxplotSeriesOption, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts'
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([LineChart, BoxplotChart, ScatterChart, BarChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer])

/** Options of the charts EChart.vue can draw: only the registered series and components. */
export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | BoxplotSeriesOption
  | ScatterSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
>

export { echarts }
