import type { MechanismId } from '../../sim/scenario/types.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';

// One legend for all six charts: the same colour, dash pattern and symbol as everywhere else.

function Swatch({ color, dash, width }: { color: string; dash: string; width: number }) {
  return (
    <svg className="chart-swatch" width={28} height={10} aria-hidden="true">
      <line x1={1} x2={27} y1={5} y2={5} stroke={color} strokeWidth={width} strokeDasharray={dash === 'none' ? undefined : dash} />
    </svg>
  );
}

export function ChartLegend({ mechanisms }: { mechanisms: readonly MechanismId[] }) {
  return (
    <ul className="chart-legend" aria-label="Chart legend">
      {mechanisms.map((id) => {
        const style = MECHANISM_STYLES[id];
        return (
          <li key={id}>
            <Swatch color={style.color} dash={style.dash} width={2.5} />
            <span aria-hidden="true" style={{ color: style.color }}>
              {style.symbol}
            </span>{' '}
            {MECHANISM_LABELS[id]}
          </li>
        );
      })}
      <li>
        <Swatch color="currentColor" dash="3 3" width={1.5} />
        Theory (closed form)
      </li>
      <li>
        <svg className="chart-swatch" width={12} height={14} aria-hidden="true">
          <line className="chart-playhead" x1={6} x2={6} y1={0} y2={14} />
        </svg>
        Playhead
      </li>
    </ul>
  );
}
