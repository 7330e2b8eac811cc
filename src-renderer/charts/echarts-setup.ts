/**
 * The only ECharts parts the app uses, registered once (tree-shaken build: `echarts/core` + `use`).
 * Both renderers: canvas on screen, SVG for the "save as SVG" export.
 */
import { use } from 'echarts/core';
import { CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Heatmap and its continuous visual map: the compare view's ratio heatmap.
use([LineChart, ScatterChart, CustomChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer, SVGRenderer]);
