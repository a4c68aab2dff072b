/** Vertical bar charts as SVG: one series (transactions per block) or two side by side (import/export kWh). */
import { h, s } from '../ui/dom';

export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

export function bars(labels: string[], series: BarSeries[], title: string, unit = ''): HTMLElement {
  const width = 560;
  const height = 180;
  const pad = { left: 40, bottom: 22, top: 10 };
  const max = Math.max(1, ...series.flatMap((x) => x.values));
  const slot = (width - pad.left) / Math.max(1, labels.length);
  const barW = Math.max(2, (slot * 0.8) / series.length);
  const y = (v: number) => height - pad.bottom - ((height - pad.bottom - pad.top) * v) / max;
  const rects = series.flatMap((ser, si) =>
    ser.values.map((v, i) =>
      s('rect', { x: pad.left + i * slot + slot * 0.1 + si * barW, y: y(v), width: barW, height: Math.max(0, height - pad.bottom - y(v)), fill: ser.color }, s('title', null, `${labels[i]}: ${v}${unit} ${ser.name}`)),
    ),
  );
  const every = Math.ceil(labels.length / 8);
  const ticks = labels.map((l, i) => (i % every === 0 ? s('text', { x: pad.left + i * slot + slot / 2, y: height - 6, 'text-anchor': 'middle', class: 'tick' }, l) : null));
  const axis = [
    s('line', { x1: pad.left, y1: height - pad.bottom, x2: width, y2: height - pad.bottom, class: 'axis' }),
    s('text', { x: pad.left - 4, y: pad.top + 8, 'text-anchor': 'end', class: 'tick' }, `${Number(max.toPrecision(3))}${unit}`),
    s('text', { x: pad.left - 4, y: height - pad.bottom, 'text-anchor': 'end', class: 'tick' }, '0'),
  ];
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bars', role: 'img', 'aria-label': title }, axis, rects, ticks);
  const legend = series.length > 1 ? h('ul', { class: 'legend inline' }, series.map((x) => h('li', null, h('span', { class: 'swatch', style: `background:${x.color}` }), x.name))) : null;
  return h('figure', { class: 'chart', 'data-test': 'bars' }, svg, legend, h('figcaption', null, title));
}
