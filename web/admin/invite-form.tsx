import { createSignal } from 'solid-js';
import type { Invitation } from '../../shared/contract/people';
import { adminApi } from '../api/admin-client';
import type { Role } from '../api/types';
import { createAction } from './action';
import { AdminForm, RoleField } from './admin-form';

/** Invite by email: the answer is a one-use link the admin copies and sends themselves. */
export function InviteForm(props: { slug: string; onInvited: (invitation: Invitation) => void }) {
  const action = createAction();
  const [link, setLink] = createSignal<string | null>(null);
  const submit = async (data: FormData, form: HTMLFormElement) => {
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
    <AdminForm
      title="Invite someone"
      submit="Create invitation link"
      busyLabel="Inviting…"
      action={action}
      onSubmit={(data, form) => void submit(data, form)}
      shown={{ label: 'Invitation link (works once; send it yourself)', value: link() }}
    >
      <label>
        Email <input name="email" type="email" required autocomplete="off" />
      </label>
      <RoleField />
      <label>
        Link valid for (days) <input name="days" type="number" min="1" max="30" value="3" required />
      </label>
    </AdminForm>
  );
}
