/**
 * The only ECharts parts the app uses, registered once (tree-shaken build: `echarts/core` + `use`).
 * Both renderers: canvas on screen, SVG for the "save as SVG" export.
 */
import { use } from 'echarts/core';
import { CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

use([LineChart, ScatterChart, CustomChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);
