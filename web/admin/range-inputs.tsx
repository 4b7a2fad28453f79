import type { ParameterRange } from '../../shared';

/** The low and high ends of a range as typed so far (NaN when left empty). */
export type RangeEdit = Partial<ParameterRange>;

/**
 * The Monte Carlo range of one parameter: low and high in its unit, empty when it is fixed.
 * `invalid` names the ends the server refused, marked for assistive technology.
 */
export function RangeInputs(props: {
  label: string;
  range: ParameterRange | null;
  invalid: (end: 'low' | 'high') => boolean;
  onEdit: (edit: RangeEdit) => void;
}) {
  const end = (which: 'low' | 'high') => (
    <input
      aria-label={`${which === 'low' ? 'Low' : 'High'} end of the range of ${props.label}`}
      aria-invalid={props.invalid(which)}
      type="number"
      step="any"
      min="0"
      placeholder="fixed"
      value={props.range?.[which] ?? ''}
      onInput={(e) => props.onEdit({ [which]: e.currentTarget.valueAsNumber })}
    />
  );
  return (
    <span class="range-inputs">
      {end('low')}
      <span aria-hidden="true">–</span>
      {end('high')}
    </span>
  );
}
