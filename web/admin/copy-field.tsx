import { createSignal } from 'solid-js';

/** A read-only value shown once (a token, an invitation link) with a button that copies it. */
export function CopyField(props: { label: string; value: string }) {
  const [copied, setCopied] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const copy = async () => {
    input?.select();
    try {
      await navigator.clipboard.writeText(props.value);
    } catch {
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <div class="copy-field">
      <label>
        {props.label}
        <input ref={input} readOnly value={props.value} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => void copy()}>
        {copied() ? 'Copied' : 'Copy'}
      </button>
      <span class="sr-only" role="status">
        {copied() ? 'Copied to the clipboard' : ''}
      </span>
    </div>
  );
}
