import { markLeverInput } from '../perf';

export interface LeverValues {
  aiTarget: number;
  layoffPercent: number;
  reviewHours: number;
  signOff: boolean;
}

interface LeverSlidersProps {
  values: LeverValues;
  disabled: boolean;
  onChange: (next: Partial<LeverValues>) => void;
  /** A slider let go (its `change` event: pointer up, or at once after a key press) or the rule toggled. */
  onRelease?: () => void;
}

function Slider(props: {
  id: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  value: number;
  disabled: boolean;
  onInput: (value: number) => void;
  onRelease: (() => void) | undefined;
}) {
  return (
    <div class="lever">
      <label for={props.id}>{props.label}</label>
      <output for={props.id}>
        {props.value} {props.unit}
      </output>
      <input
        id={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        aria-valuetext={`${props.value} ${props.unit}`}
        onInput={(event) => {
          markLeverInput();
          props.onInput(event.currentTarget.valueAsNumber);
        }}
        onChange={() => props.onRelease?.()}
      />
    </div>
  );
}

/** The main levers: AI adoption target, layoff percent, review hours per senior, the sign-off rule. */
export function LeverSliders(props: LeverSlidersProps) {
  return (
    <fieldset class="levers panel" disabled={props.disabled}>
      <legend>Levers</legend>
      <Slider
        id="lever-ai"
        label="AI adoption target"
        unit="% of engineers"
        min={0}
        max={100}
        step={5}
        value={props.values.aiTarget}
        disabled={props.disabled}
        onInput={(aiTarget) => props.onChange({ aiTarget })}
        onRelease={props.onRelease}
      />
      <Slider
        id="lever-layoff"
        label="Layoff"
        unit="% of staff"
        min={0}
        max={50}
        step={1}
        value={props.values.layoffPercent}
        disabled={props.disabled}
        onInput={(layoffPercent) => props.onChange({ layoffPercent })}
        onRelease={props.onRelease}
      />
      <Slider
        id="lever-review-hours"
        label="Review hours per senior"
        unit="h / week"
        min={1}
        max={20}
        step={0.5}
        value={props.values.reviewHours}
        disabled={props.disabled}
        onInput={(reviewHours) => props.onChange({ reviewHours })}
        onRelease={props.onRelease}
      />
      <div class="lever lever-toggle">
        <input
          id="lever-sign-off"
          type="checkbox"
          checked={props.values.signOff}
          disabled={props.disabled}
          onChange={(event) => {
            markLeverInput();
            props.onChange({ signOff: event.currentTarget.checked });
            props.onRelease?.();
          }}
        />
        <label for="lever-sign-off">Senior sign-off rule for AI-assisted changes by juniors and mids</label>
      </div>
    </fieldset>
  );
}
