/**
 * Charts through Chart.js (canvas): time series with a time axis, and x/y
 * step charts (order-book depth). Only the parts used are registered, so the
 * bundle stays small. Chart.js sets canvas sizes through the CSSOM, which the
 * explorer's CSP (style-src 'self') allows; it injects no <style> elements.
 * Every chart has axis titles with units and tooltips; the numbers are also
 * in the page's tables, so the canvas has an aria-label only.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import { h } from '../ui/dom';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
  /** A step line (depth): Chart.js 'before' (= true) keeps a point's value up to the next point, 'after' takes the next point's value right after it. */
  stepped?: boolean | 'before' | 'after';
  kind?: 'line' | 'bar';
  /** Marks only (no line between points): e.g. anomalies over a bar series. */
  marksOnly?: boolean;
  /** Fill under a line (depth areas). */
  fill?: boolean;
}

export interface ChartSpec {
  title: string;
  xTitle: string;
  yTitle: string;
  series: Series[];
  /** Formats an x value on the axis and in tooltips (default: a time of day from epoch ms). */
  xLabel?: (x: number) => string;
  testId?: string;
}

export const timeOfDay = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

function dataset(s: Series): ChartDataset<'line' | 'bar', { x: number; y: number }[]> {
  return {
    type: s.kind ?? 'line',
    label: s.name,
    data: s.points,
    borderColor: s.color,
    backgroundColor: s.color,
    stepped: s.stepped === true ? 'before' : (s.stepped ?? false),
    showLine: !s.marksOnly,
    fill: s.fill ?? false,
    pointStyle: s.marksOnly ? 'triangle' : 'circle',
    pointRadius: s.marksOnly ? 7 : s.points.length > 60 ? 0 : 2,
    borderWidth: 2,
  };
}

function config(spec: ChartSpec): ChartConfiguration<'line' | 'bar', { x: number; y: number }[]> {
  const xLabel = spec.xLabel ?? timeOfDay;
  return {
    type: 'line',
    data: { datasets: spec.series.map(dataset) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: spec.xTitle }, ticks: { callback: (v) => xLabel(Number(v)), maxTicksLimit: 8 } },
        y: { type: 'linear', beginAtZero: true, title: { display: true, text: spec.yTitle } },
      },
      plugins: {
        legend: { display: spec.series.length > 1 },
        tooltip: { callbacks: { title: (items) => (items[0] ? xLabel(items[0].parsed.x ?? 0) : '') } },
      },
    },
  };
}

/** A chart in a figure with its caption; the Chart.js instance is destroyed when `onLeave` fires. */
export function chart(spec: ChartSpec, onLeave?: (fn: () => void) => void): HTMLElement {
  const canvas = h('canvas', { role: 'img', 'aria-label': spec.title });
  const box = h('div', { class: 'chart-box' }, canvas);
  const figure = h('figure', { class: 'chart', 'data-test': spec.testId ?? 'chart' }, box, h('figcaption', null, spec.title));
  // Chart.js measures its container: build it once the figure is in the document (pages are built before they are shown).
  let frames = 0;
  const build = (): void => {
    if (!figure.isConnected) {
      if (++frames < 600) requestAnimationFrame(build);
      return;
    }
    const instance = new Chart(canvas, config(spec));
    onLeave?.(() => { instance.destroy(); });
    figure.setAttribute('data-ready', 'true');
  };
  requestAnimationFrame(build);
  return figure;
}
