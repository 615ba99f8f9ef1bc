import type { MechanismId } from '../sim/scenario/types.ts';
import { MECHANISM_VIEWS } from './mechanismViews.ts';

/** A table row's header naming a mechanism: its symbol (decoration only) and its name. */
export function MechanismRowHeader({ id }: { id: MechanismId }) {
  const view = MECHANISM_VIEWS[id];
  return (
    <th scope="row">
      <span aria-hidden="true" className="row-symbol">
        {view.symbol}
      </span>
      {view.label}
    </th>
  );
}
