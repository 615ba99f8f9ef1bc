import { memo } from 'react';
import type { MechanismId } from '../../sim/scenario/types.ts';
import { LEGEND } from './messageKinds.ts';
import { MessageGlyph } from './MessageGlyph.tsx';

// One legend for all lanes: every shape that can appear in a lane on screen, with its name and
// what it means. Solid shapes take their lane's colour; here they show in a neutral grey.

const SAMPLE_COLOR = 'var(--muted)';

export const Legend = memo(function Legend({ mechanisms }: { mechanisms: readonly MechanismId[] }) {
  const entries = LEGEND.filter((entry) => entry.mechanisms.some((id) => mechanisms.includes(id)));
  return (
    <div className="lane-legend">
      <h3 id="lane-legend-heading" className="lane-legend-heading">
        Legend
      </h3>
      <ul aria-labelledby="lane-legend-heading">
        {entries.map((entry) => (
          <li key={entry.glyph}>
            <svg width={28} height={22} viewBox="-14 -11 28 22" aria-hidden="true" focusable="false">
              <MessageGlyph glyph={entry.glyph} color={SAMPLE_COLOR} />
            </svg>
            <span>
              <strong>{entry.name}</strong>: {entry.description}
            </span>
          </li>
        ))}
      </ul>
      <p className="lane-legend-note">
        Filled shapes carry data and take their lane’s colour; hollow ones carry none. Messages travel along a client’s row
        toward the server (labels above the line) or back (labels below).
      </p>
    </div>
  );
});
