import { createSignal, Show } from 'solid-js';
import { adminApi, type Invitation } from '../api/admin-client';
import type { Role } from '../api/types';
import { ErrorMessage } from '../components/states';
import { createAction } from './action';
import { CopyField } from './copy-field';
import { RoleOptions } from './role-options';

/** Invite by email: the answer is a one-use link the admin copies and sends themselves. */
export function InviteForm(props: { slug: string; onInvited: (invitation: Invitation) => void }) {
  const action = createAction();
  const [link, setLink] = createSignal<string | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const invitation = await action.run(() =>
      adminApi.invite(props.slug, {
        email: String(data.get('email')),
        role: String(data.get('role')) as Role,
        expiresInHours: Number(data.get('days')) * 24,
      }),
    );
    if (!invitation) return;
    setLink(null);
    form.reset();
    setLink(new URL(invitation.path, window.location.origin).href);
    props.onInvited(invitation);
  };
  return (
    <form class="panel form-grid" aria-label="Invite someone" onSubmit={(e) => void submit(e)}>
      <h3>Invite someone</h3>
      <label>
        Email <input name="email" type="email" required autocomplete="off" />
      </label>
      <label>
        Role
        <select name="role">
          <RoleOptions />
        </select>
      </label>
      <label>
        Link valid for (days) <input name="days" type="number" min="1" max="30" value="3" required />
      </label>
      <div class="actions">
        <button type="submit" disabled={action.busy()}>
          {action.busy() ? 'Inviting…' : 'Create invitation link'}
        </button>
      </div>
      <Show when={action.error()}>
        <ErrorMessage error={action.error()} />
      </Show>
      <Show when={link()}>
        {(href) => (
          <div class="wide">
            <CopyField label="Invitation link (works once; send it yourself)" value={href()} />
          </div>
        )}
      </Show>
    </form>
  );
}
