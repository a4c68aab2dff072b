/**
 * A meter's interval energy for the chart: import and export per slot in kWh,
 * and its anomalies placed on the slot they fall in (by reading time, else by
 * the time they were recorded), so the chart can mark those slots.
 */
export interface IntervalRow { slotStart: string; slotEnd?: string; importWh: string; exportWh: string }
export interface AnomalyRow { kind: string; ts?: string; at: string; detail?: string }
export interface Point { x: number; y: number }

export interface MeterSeries { imports: Point[]; exports: Point[]; anomalies: Point[]; anomalousSlots: Set<string> }

const kwh = (wh: string): number => Number(BigInt(wh)) / 1000;

export function meterSeries(intervals: IntervalRow[], anomalies: AnomalyRow[]): MeterSeries {
  const rows = [...intervals].sort((a, b) => a.slotStart.localeCompare(b.slotStart));
  const slotOf = (time: string): IntervalRow | undefined => rows.find((r) => r.slotStart <= time && (r.slotEnd ? time < r.slotEnd : r.slotStart === time));
  const anomalousSlots = new Set<string>();
  const marks: Point[] = [];
  for (const a of anomalies) {
    const row = slotOf(a.ts ?? a.at);
    if (!row || anomalousSlots.has(row.slotStart)) continue;
    anomalousSlots.add(row.slotStart);
    marks.push({ x: Date.parse(row.slotStart), y: Math.max(kwh(row.importWh), kwh(row.exportWh)) });
  }
  return {
    imports: rows.map((r) => ({ x: Date.parse(r.slotStart), y: kwh(r.importWh) })),
    exports: rows.map((r) => ({ x: Date.parse(r.slotStart), y: kwh(r.exportWh) })),
    anomalies: marks.sort((a, b) => a.x - b.x),
    anomalousSlots,
  };
}
