import { createResource, For, Show } from 'solid-js';
import { adminApi, type Member } from '../api/admin-client';
import type { Role } from '../api/types';
import { ErrorMessage } from '../components/states';
import { createAction } from './action';
import { InviteForm } from './invite-form';
import { ListStates } from './list-states';
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
      <section class="panel" aria-labelledby="members-title">
        <h3 id="members-title">Members</h3>
        <Show when={action.error()}>
          <ErrorMessage error={action.error()} />
        </Show>
        <ListStates
          items={members}
          retry={() => void membersResource.refetch()}
          what="members"
          empty="No members yet."
        >
          {(list) => (
            <div class="table-scroll">
              <table aria-label="Members">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Email</th>
                    <th>Role</th>
                    <th>Status</th>
                    <th>
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(member) => (
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
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </ListStates>
      </section>
      <InviteForm slug={props.slug} onInvited={() => void invitationsResource.refetch()} />
      <section class="panel" aria-labelledby="invitations-title">
        <h3 id="invitations-title">Pending invitations</h3>
        <ListStates
          items={invitations}
          retry={() => void invitationsResource.refetch()}
          what="invitations"
          empty="No pending invitations."
        >
          {(list) => (
            <div class="table-scroll">
              <table aria-label="Pending invitations">
                <thead>
                  <tr>
                    <th>Email</th>
                    <th>Role</th>
                    <th>Expires</th>
                    <th>
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(invitation) => (
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
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </ListStates>
      </section>
    </>
  );
}
