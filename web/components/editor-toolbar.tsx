import { createSignal, Show } from 'solid-js';
import type { ScenarioInput } from '../../shared';
import { useStores } from '../stores/context';
import { ErrorMessage } from './states';

interface EditorToolbarProps {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  /** Edits not saved as a version yet. */
  unsaved: boolean;
  /** What Duplicate saves as a new scenario, and where to go then; null for viewers. */
  duplicate: { scenario: ScenarioInput; onDone: (id: string) => void } | null;
  /** What just happened (e.g. "Saved version 3."). */
  notice: string;
}

/** Undo and redo (also Ctrl+Z / Ctrl+Shift+Z), duplicate, and the share link of what is on screen. */
export function EditorToolbar(props: EditorToolbarProps) {
  const [, actions] = useStores().scenarios;
  const [error, setError] = createSignal<unknown>(null);
  const [copied, setCopied] = createSignal('');
  const duplicate = async () => {
    const source = props.duplicate;
    if (!source) return;
    setError(null);
    try {
      const copy = await actions.save(null, { ...source.scenario, name: `${source.scenario.name} (copy)` });
      source.onDone(copy.id);
    } catch (caught) {
      setError(caught);
    }
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('Link copied.');
    } catch {
      setCopied('Copy the address bar: it is the share link.');
    }
  };
  return (
    <div class="panel toolbar">
      <button type="button" class="secondary" disabled={!props.canUndo} onClick={() => props.onUndo()}>
        Undo
      </button>
      <button type="button" class="secondary" disabled={!props.canRedo} onClick={() => props.onRedo()}>
        Redo
      </button>
      <Show when={props.duplicate}>
        <button type="button" class="secondary" onClick={() => void duplicate()}>
          Duplicate
        </button>
      </Show>
      <button type="button" class="secondary" onClick={() => void copyLink()}>
        Copy share link
      </button>
      <span role="status">
        {props.unsaved ? 'Unsaved changes.' : props.notice} {copied()}
      </span>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
    </div>
  );
}
