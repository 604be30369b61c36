/**
 * Who may change the knowledge base. The rule lives here, in the domain, and every use case that changes
 * documents or shows knowledge gaps calls it — so a new entry point (a CLI, another chat front end) cannot
 * skip it, and the bot checking it first is only for a friendlier message.
 */
export interface MaintainerRoles {
  /** MAINTAINER_IDS together with ADMIN_IDS (admins are maintainers too; see `parseConfig`). */
  maintainerIds: readonly number[];
}

export interface Actor {
  id: number;
  name: string;
}

/** True when `userId` may upload, remove documents and see knowledge gaps. */
export function isMaintainer(roles: MaintainerRoles, userId: number | undefined): boolean {
  return userId !== undefined && roles.maintainerIds.includes(userId);
}
