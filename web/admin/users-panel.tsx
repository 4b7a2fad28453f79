import { createResource, Show } from 'solid-js';
import type { Member } from '../../shared/contract/people';
import { adminApi } from '../api/admin-client';
import type { Role } from '../api/types';
import { createAction } from './action';
import { ActionOutcome } from './action-outcome';
import { InviteForm } from './invite-form';
import { ListPanel } from './list-panel';
import { RoleOptions, when } from './role-options';

/** Members (role, deactivate / reactivate), the invite form and pending invitations. */
export function UsersPanel(props: { slug: string; selfId: string | undefined }) {
  const [members, membersResource] = createResource(() => props.slug, adminApi.members);
  const [invitations, invitationsResource] = createResource(() => props.slug, adminApi.invitations);
  const action = createAction();
  const update = async (member: Member, patch: { role?: Role; active?: boolean }) => {
    const updated = await action.run(() => adminApi.updateMember(props.slug, member.id, patch));
    if (updated) membersResource.mutate((list) => list?.map((m) => (m.id === updated.id ? updated : m)));
    else void membersResource.refetch();
  };
  const withdraw = async (id: string) => {
    await action.run(() => adminApi.withdraw(props.slug, id));
    void invitationsResource.refetch();
  };
  return (
    <>
      <ListPanel
        id="members-title"
        title="Members"
        items={members}
        retry={() => void membersResource.refetch()}
        what="members"
        empty="No members yet."
        columns={['Name', 'Email', 'Role', 'Status']}
        actions
        row={(member) => (
          <tr>
            <td>
              {member.name}
              <Show when={member.id === props.selfId}> (you)</Show>
            </td>
            <td>{member.email}</td>
            <td>
              <select
                aria-label={`Role of ${member.email}`}
                value={member.role}
                disabled={action.busy()}
                onChange={(e) => void update(member, { role: e.currentTarget.value as Role })}
              >
                <RoleOptions />
              </select>
            </td>
            <td>{member.active ? 'Active' : 'Deactivated'}</td>
            <td>
              <button
                type="button"
                class="secondary"
                disabled={action.busy()}
                aria-label={`${member.active ? 'Deactivate' : 'Reactivate'} ${member.email}`}
                onClick={() => void update(member, { active: !member.active })}
              >
                {member.active ? 'Deactivate' : 'Reactivate'}
              </button>
            </td>
          </tr>
        )}
      >
        <ActionOutcome action={action} />
      </ListPanel>
      <InviteForm slug={props.slug} onInvited={() => void invitationsResource.refetch()} />
      <ListPanel
        id="invitations-title"
        title="Pending invitations"
        items={invitations}
        retry={() => void invitationsResource.refetch()}
        what="invitations"
        empty="No pending invitations."
        columns={['Email', 'Role', 'Expires']}
        actions
        row={(invitation) => (
          <tr>
            <td>{invitation.email}</td>
            <td>{invitation.role}</td>
            <td>{when(invitation.expiresAt)}</td>
            <td>
              <button
                type="button"
                class="secondary"
                aria-label={`Withdraw invitation of ${invitation.email}`}
                onClick={() => void withdraw(invitation.id)}
              >
                Withdraw
              </button>
            </td>
          </tr>
        )}
      />
    </>
  );
}
