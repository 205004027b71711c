import { useTranslation } from 'react-i18next';
import type { HoursReport } from '../../../../shared/api/hours';
import { formatDay, formatHours } from './hours-format';

const WIDTH = 860;
const HEIGHT = 280;
const MARGIN = { top: 30, right: 16, bottom: 44, left: 64 };
/** At most this many interval labels under the axis; a day-by-day year would print them on top of each other. */
const MAX_X_LABELS = 12;

/** A "nice" step (1, 2 or 5 times a power of ten) that cuts the range into about four parts. */
export function tickStep(range: number): number {
  if (range <= 0) return 1;
  const rough = range / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

/**
 * The report as an inline SVG: a bar per interval for the hours used and a line for the balance
 * after it. Screen readers get one summary (role img); the table under it holds every figure.
 */
export function HoursReportChart({ report }: { report: HoursReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rows = report.rows;
  if (rows.length === 0) return null;

  const used = rows.map((r) => r.usedMinutes / 60);
  const after = rows.map((r) => r.afterMinutes / 60);
  const step = tickStep(Math.max(0, ...used, ...after) - Math.min(0, ...after));
  const top = Math.ceil(Math.max(0, ...used, ...after) / step) * step || step;
  const bottom = Math.floor(Math.min(0, ...after) / step) * step;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (hours: number) => MARGIN.top + ((top - hours) / (top - bottom)) * plotHeight;
  const band = plotWidth / rows.length;
  const x = (i: number) => MARGIN.left + band * i + band / 2;
  const ticks: number[] = [];
  for (let v = bottom; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1000) / 1000);
  const labelEvery = Math.ceil(rows.length / MAX_X_LABELS);
  const line = after.map((h, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(h).toFixed(1)}`).join(' ');
  const last = rows[rows.length - 1];

  const summary = t('hours.report.chartSummary', {
    from: formatDay(report.from, language),
    to: formatDay(report.to, language),
    count: rows.length,
    used: formatHours(rows.reduce((sum, r) => sum + r.usedMinutes, 0), language),
    balance: formatHours(last?.afterMinutes ?? 0, language),
  });

  return (
    <svg className="hours-chart" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="xMidYMid meet">
      <g className="hours-chart__legend" transform={`translate(${MARGIN.left}, 12)`}>
        <rect x={0} y={-8} width={12} height={10} className="hours-chart__bar" />
        <text x={18} y={1}>{t('hours.report.chartUsed')}</text>
        <line x1={200} x2={222} y1={-3} y2={-3} className="hours-chart__line" />
        <text x={228} y={1}>{t('hours.report.chartBalance')}</text>
      </g>
      <text className="hours-chart__axis-title" transform={`translate(14, ${MARGIN.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle">
        {t('hours.report.chartHours')}
      </text>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'hours-chart__zero' : 'hours-chart__grid'} />
          <text x={MARGIN.left - 6} y={y(v) + 4} textAnchor="end">
            {formatHours(v * 60, language)}
          </text>
        </g>
      ))}
      {used.map((h, i) => (
        <rect key={rows[i]?.from} x={x(i) - band * 0.3} width={band * 0.6} y={y(Math.max(h, 0))} height={Math.abs(y(h) - y(0))} className="hours-chart__bar" />
      ))}
      <path d={line} className="hours-chart__line" fill="none" />
      {after.map((h, i) => (
        <circle key={rows[i]?.from} cx={x(i)} cy={y(h)} r={rows.length > 60 ? 0 : 3} className="hours-chart__point" />
      ))}
      {rows.map((r, i) =>
        i % labelEvery === 0 ? (
          <text key={r.from} x={x(i)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
            {r.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
