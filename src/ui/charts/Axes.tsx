import type { Position } from './scales.ts';

// Axes drawn by React from ticks and a position function computed with d3 (STYLE.md §8).

interface AxisProps {
  position: Position;
  ticks: readonly number[];
  format: (value: number) => string;
  label: string;
}

export function AxisBottom({ position, ticks, format, label, innerWidth, innerHeight }: AxisProps & { innerWidth: number; innerHeight: number }) {
  return (
    <g className="chart-axis" transform={`translate(0,${innerHeight})`}>
      <line className="chart-axis-line" x1={0} x2={innerWidth} />
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(${position(tick)},0)`}>
          <line className="chart-axis-line" y2={5} />
          <text className="chart-tick" y={17} textAnchor="middle">
            {format(tick)}
          </text>
        </g>
      ))}
      <text className="chart-axis-label" x={innerWidth / 2} y={34} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** A y axis on the left, with grid lines across the plot. */
export function AxisLeft({ position, ticks, format, label, innerWidth, innerHeight, marginLeft }: AxisProps & { innerWidth: number; innerHeight: number; marginLeft: number }) {
  return (
    <g className="chart-axis">
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(0,${position(tick)})`}>
          <line className="chart-grid" x2={innerWidth} />
          <text className="chart-tick" x={-6} dy="0.32em" textAnchor="end">
            {format(tick)}
          </text>
        </g>
      ))}
      <line className="chart-axis-line" y2={innerHeight} />
      <text
        className="chart-axis-label"
        transform={`translate(${-marginLeft + 12},${innerHeight / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {label}
      </text>
    </g>
  );
}

/** A second y axis on the right for a quantity proportional to the left one (memory ∝ connections). */
export function AxisRight({ position, ticks, format, label, innerWidth, innerHeight, marginRight }: AxisProps & { innerWidth: number; innerHeight: number; marginRight: number }) {
  return (
    <g className="chart-axis" transform={`translate(${innerWidth},0)`}>
      <line className="chart-axis-line" y2={innerHeight} />
      {ticks.map((tick) => (
        <text key={tick} className="chart-tick" x={6} y={position(tick)} dy="0.32em" textAnchor="start">
          {format(tick)}
        </text>
      ))}
      <text
        className="chart-axis-label"
        transform={`translate(${marginRight - 8},${innerHeight / 2}) rotate(90)`}
        textAnchor="middle"
      >
        {label}
      </text>
    </g>
  );
}
