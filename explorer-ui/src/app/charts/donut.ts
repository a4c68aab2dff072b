/** A donut chart with a legend, drawn as SVG arcs (no chart library: the bundle stays small). */
import { h, s } from '../ui/dom';

export interface DonutSlice {
  label: string;
  /** Share in basis points. */
  bps: number;
  note?: string;
}

const COLORS = ['#2f6fdf', '#17a589', '#e6a23c', '#8e44ad', '#e74c3c', '#16a085', '#7f8c8d'];

function arc(cx: number, cy: number, r: number, from: number, to: number): string {
  const a0 = (from - 0.25) * 2 * Math.PI;
  const a1 = (to - 0.25) * 2 * Math.PI;
  const large = to - from > 0.5 ? 1 : 0;
  return `M ${cx + r * Math.cos(a0)} ${cy + r * Math.sin(a0)} A ${r} ${r} 0 ${large} 1 ${cx + r * Math.cos(a1)} ${cy + r * Math.sin(a1)}`;
}

export function donut(slices: DonutSlice[], title: string): HTMLElement {
  let at = 0;
  const paths = slices.map((sl, i) => {
    // A slice too small to see still gets a sliver, so every legend entry has a mark.
    const share = Math.max(sl.bps / 10000, sl.bps > 0 ? 0.002 : 0);
    const from = at;
    at = Math.min(1, at + share);
    if (share === 0) return null;
    if (share >= 0.9999) return s('circle', { cx: 60, cy: 60, r: 45, fill: 'none', stroke: COLORS[i % COLORS.length], 'stroke-width': 22 });
    return s('path', { d: arc(60, 60, 45, from, at), fill: 'none', stroke: COLORS[i % COLORS.length], 'stroke-width': 22 }, s('title', null, sl.label));
  });
  const svg = s('svg', { viewBox: '0 0 120 120', width: 180, height: 180, role: 'img', 'aria-label': title }, paths);
  const legend = h(
    'ul',
    { class: 'legend' },
    slices.map((sl, i) => h('li', null, h('span', { class: `swatch swatch-${String(i % COLORS.length)}` }), `${sl.label} — ${(sl.bps / 100).toFixed(2)}%`, sl.note ? h('span', { class: 'muted' }, ` (${sl.note})`) : null)),
  );
  return h('figure', { class: 'chart donut', 'data-test': 'donut' }, svg, legend, h('figcaption', null, title));
}
