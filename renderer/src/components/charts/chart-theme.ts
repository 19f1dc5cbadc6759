// An echarts theme made from the app's CSS variables, so charts follow the light and dark themes
// without a second list of colours.

/** Series colours, distinguishable on both themes and under the common colour-vision deficiencies
 *  (after Okabe & Ito), brightened enough for the dark background. Runs keep their index's colour
 *  in every chart and table of a view. */
export const SERIES_COLORS = ['#4c8dff', '#f0a030', '#2fb380', '#e66fb0', '#56b4e9', '#e0603a', '#a78bfa', '#9aa3b5'] as const

export function seriesColor(index: number): string {
  return SERIES_COLORS[((index % SERIES_COLORS.length) + SERIES_COLORS.length) % SERIES_COLORS.length]!
}

function cssVariable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback
}

export function themeFromCss(root: HTMLElement = document.documentElement): Record<string, unknown> {
  const style = getComputedStyle(root)
  const text = cssVariable(style, '--text', '#e6e8ee')
  const soft = cssVariable(style, '--text-soft', '#c2c6d3')
  const muted = cssVariable(style, '--text-muted', '#8b90a1')
  const border = cssVariable(style, '--border', '#2b2e3a')
  const strong = cssVariable(style, '--border-strong', '#454a5c')
  const raised = cssVariable(style, '--surface-raised', '#252833')
  const font = cssVariable(style, '--sans', 'sans-serif')
  const axis = {
    axisLine: { lineStyle: { color: strong } },
    axisTick: { lineStyle: { color: strong } },
    axisLabel: { color: muted },
    splitLine: { lineStyle: { color: border } },
    nameTextStyle: { color: muted }
  }
  return {
    color: [...SERIES_COLORS],
    backgroundColor: 'transparent',
    textStyle: { color: soft, fontFamily: font },
    title: { textStyle: { color: text }, subtextStyle: { color: muted } },
    legend: { textStyle: { color: soft }, inactiveColor: strong },
    tooltip: { backgroundColor: raised, borderColor: strong, textStyle: { color: text } },
    categoryAxis: axis,
    valueAxis: axis,
    logAxis: axis,
    timeAxis: axis,
    dataZoom: { textStyle: { color: muted }, borderColor: strong }
  }
}
