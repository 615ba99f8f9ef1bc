import { useId, useMemo } from 'react';
import { line } from 'd3-shape';
import { AxisBottom, AxisLeft, AxisRight } from './Axes.tsx';
import { bucketPoints, bucketSeconds, type Point } from './chartData.ts';
import { decadeTicks, linearY, spreadLabels, symlogY, timeScale, timeTicks, type Margins } from './scales.ts';
import { useChartBox, yTickCount } from './chartBox.ts';

// A chart of per-second values over the whole run. The paths are computed once per run and size;
// as the playhead moves only a clip rectangle and the playhead line move, so the cost of a
// re-render does not grow with the length of the run.

export interface LineSpec {
  key: string;
  points: readonly Point[];
  color: string;
  /** SVG stroke-dasharray, or "none". */
  dash: string;
  strokeWidth: number;
  opacity?: number;
}

/** A horizontal dashed line at a theoretical value. */
export interface ReferenceSpec {
  key: string;
  value: number;
  label: string;
  color: string;
}

export interface YAxisSpec {
  kind: 'linear' | 'symlog';
  max: number;
  label: string;
  format: (value: number) => string;
}

/** A right-hand axis reading the same lines in another unit: value × factor. */
export interface SecondaryAxisSpec {
  label: string;
  factor: number;
  format: (value: number) => string;
}

/** A span of simulated time when a fault holds, drawn as a band behind the lines. */
export interface BandSpec {
  startMs: number;
  endMs: number;
  label: string;
}

interface TimeChartProps {
  ariaLabel: string;
  bands?: readonly BandSpec[];
  durationSec: number;
  /** Where the lines end and the playhead line stands, in simulated seconds. */
  playheadSec: number;
  y: YAxisSpec;
  secondary?: SecondaryAxisSpec;
  lines: readonly LineSpec[];
  references?: readonly ReferenceSpec[];
}

const MARGIN: Margins = { top: 12, right: 16, bottom: 42, left: 58 };
const FALLBACK_WIDTH = 480;

const xOf = (p: Point) => p.x;
const isDefined = (p: Point) => p.y !== null;

const NO_BANDS: readonly BandSpec[] = [];

export function TimeChart({ ariaLabel, bands = NO_BANDS, durationSec, playheadSec, y, secondary, lines, references = [] }: TimeChartProps) {
  const [measure, width, height] = useChartBox(FALLBACK_WIDTH);
  const clipId = `chart-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const margin = secondary ? { ...MARGIN, right: 66 } : MARGIN;
  const innerWidth = Math.max(40, width - margin.left - margin.right);
  const innerHeight = height - margin.top - margin.bottom;

  const x = useMemo(() => timeScale(durationSec, innerWidth), [durationSec, innerWidth]);
  const yScale = useMemo(
    () => (y.kind === 'symlog' ? symlogY(y.max, innerHeight) : linearY(y.max, innerHeight)),
    [y.kind, y.max, innerHeight],
  );
  const yTicks = useMemo(() => (y.kind === 'symlog' ? decadeTicks(y.max) : yScale.ticks(yTickCount(innerHeight))), [y.kind, y.max, yScale, innerHeight]);

  const paths = useMemo(() => {
    const bucket = bucketSeconds(durationSec, innerWidth);
    const path = line<Point>()
      .defined(isDefined)
      .x((p) => x(xOf(p)))
      .y((p) => yScale(p.y ?? 0));
    return lines.map((spec) => ({ spec, d: path(bucketPoints(spec.points, bucket)) ?? '' }));
  }, [lines, durationSec, innerWidth, x, yScale]);

  const labelYs = spreadLabels(
    references.map((r) => yScale(r.value) - 4),
    12,
  ).map((at) => Math.min(innerHeight - 3, Math.max(10, at)));
  const playheadX = x(Math.min(playheadSec, durationSec));

  return (
    <div className="chart-plot" ref={measure}>
      <svg role="img" aria-label={ariaLabel} width={width} height={height} className="chart-svg">
        <defs>
          <clipPath id={clipId}>
            {/* A little past the playhead so the last point's line join is not cut. */}
            <rect x={-2} y={-margin.top} width={playheadX + 3} height={innerHeight + margin.top + 2} />
          </clipPath>
        </defs>
        <g transform={`translate(${margin.left},${margin.top})`}>
          {bands.map((band) => (
            <rect
              key={band.label}
              className="chart-fault"
              x={x(band.startMs / 1000)}
              width={Math.max(2, x(band.endMs / 1000) - x(band.startMs / 1000))}
              y={0}
              height={innerHeight}
            >
              <title>{band.label}</title>
            </rect>
          ))}
          <AxisLeft
            position={yScale}
            ticks={yTicks}
            format={y.format}
            label={y.label}
            innerWidth={innerWidth}
            innerHeight={innerHeight}
            marginLeft={margin.left}
          />
          {secondary && (
            <AxisRight
              position={yScale}
              ticks={yTicks}
              format={(v) => secondary.format(v * secondary.factor)}
              label={secondary.label}
              innerWidth={innerWidth}
              innerHeight={innerHeight}
              marginRight={margin.right}
            />
          )}
          <AxisBottom
            position={x}
            ticks={timeTicks(durationSec, innerWidth)}
            format={String}
            label="simulated time (s)"
            innerWidth={innerWidth}
            innerHeight={innerHeight}
          />
          <g clipPath={`url(#${clipId})`}>
            {paths.map(({ spec, d }) => (
              <path
                key={spec.key}
                className="chart-line"
                data-series={spec.key}
                d={d}
                stroke={spec.color}
                strokeDasharray={spec.dash === 'none' ? undefined : spec.dash}
                strokeWidth={spec.strokeWidth}
                opacity={spec.opacity}
              />
            ))}
          </g>
          {references.map((r, i) => (
            <g key={r.key}>
              <line className="chart-reference" data-reference={r.key} x2={innerWidth} y1={yScale(r.value)} y2={yScale(r.value)} stroke={r.color} />
              <text className="chart-ref-label" x={innerWidth - 4} y={labelYs[i]} textAnchor="end">
                {r.label}
              </text>
            </g>
          ))}
          <line className="chart-playhead" x1={playheadX} x2={playheadX} y2={innerHeight} />
        </g>
      </svg>
    </div>
  );
}
