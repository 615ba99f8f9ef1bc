import { useLab } from '../../state/store.ts';
import { SLIDER_GROUPS } from './sliderSpecs.ts';
import { Slider } from './Slider.tsx';
import { Check, MechanismToggles } from './Toggles.tsx';
import './controls.css';

// The scenario's controls, grouped as DESIGN.md §7 lists them. Every change goes through the
// store, which validates it, keeps the last good scenario on error and re-runs from the seed.

/** The outage and restart switches place their window in the second quarter of the run. */
const faultWindow = (durationSec: number) => ({
  startSec: Math.round(durationSec * 0.25),
  lengthSec: Math.max(1, Math.round(durationSec * 0.25)),
});

function FaultChecks() {
  const scenario = useLab((s) => s.scenario);
  const setField = useLab((s) => s.setField);
  const { startSec, lengthSec } = faultWindow(scenario.durationSec);
  const restartSec = Math.round(scenario.durationSec / 2);
  return (
    <fieldset className="control-group">
      <legend>Faults</legend>
      <Check
        name="Receiver outage"
        path="webhook.outages"
        hint={`Webhook receivers answer 503 from ${String(startSec)} s to ${String(startSec + lengthSec)} s.`}
        checked={scenario.webhook.outages.length > 0}
        onChange={(on) => setField('webhook.outages', on ? [{ startSec, durationSec: lengthSec }] : [])}
      />
      <Check
        name="Server restart"
        path="faults.serverRestarts"
        hint={`The server goes down at ${String(restartSec)} s for 5 s: every connection drops.`}
        checked={scenario.faults.serverRestarts.length > 0}
        onChange={(on) => setField('faults.serverRestarts', on ? [{ atSec: restartSec, downSec: 5 }] : [])}
      />
      <Check
        name="Proxy blocks WebSockets"
        path="proxy.blocksWebSocket"
        hint="The upgrade is refused; WebSocket clients fall back to long polling."
        checked={scenario.proxy.blocksWebSocket}
        onChange={(on) => setField('proxy.blocksWebSocket', on)}
      />
    </fieldset>
  );
}

function OptionChecks() {
  const scenario = useLab((s) => s.scenario);
  const setField = useLab((s) => s.setField);
  return (
    <fieldset className="control-group">
      <legend>Options</legend>
      <Check
        name="Broadcast"
        path="events.audience"
        hint="One event stream for everyone (a ticker) instead of one per client (notifications)."
        checked={scenario.events.audience === 'broadcast'}
        onChange={(on) => setField('events.audience', on ? 'broadcast' : 'perClient')}
      />
      <Check
        name="Keep-alive"
        path="network.keepAlive"
        hint="Reuse connections; off opens a new TCP + TLS connection for every request."
        checked={scenario.network.keepAlive}
        onChange={(on) => setField('network.keepAlive', on)}
      />
      <Check
        name="HTTP/2"
        path="http.version"
        hint="One multiplexed connection with compressed headers (RFC 9113, RFC 7541); off: HTTP/1.1, the figures the usual table is about."
        checked={scenario.http.version === '2'}
        onChange={(on) => setField('http.version', on ? '2' : '1.1')}
      />
      <Check
        name="Fixed-rate polling"
        path="polling.schedule"
        hint="Poll every interval regardless of answers (off: wait the interval after each answer)."
        checked={scenario.polling.schedule === 'fixedRate'}
        onChange={(on) => setField('polling.schedule', on ? 'fixedRate' : 'fixedDelay')}
      />
    </fieldset>
  );
}

export function ControlsPanel() {
  const scenarioError = useLab((s) => s.fieldErrors.scenario);
  return (
    <div className="controls-panel">
      <MechanismToggles />
      {SLIDER_GROUPS.map((group) => (
        <fieldset key={group.legend} className="control-group">
          <legend>{group.legend}</legend>
          {group.sliders.map((spec) => (
            <Slider key={spec.path} spec={spec} />
          ))}
        </fieldset>
      ))}
      <FaultChecks />
      <OptionChecks />
      {scenarioError && (
        <p className="field-error" role="alert">
          {scenarioError}
        </p>
      )}
    </div>
  );
}
