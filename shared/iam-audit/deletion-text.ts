import type { AuditCall, DeletionAudit } from './deletion-audit';

const callLine = (call: AuditCall) =>
  `${call.eventTime}  ${call.eventName}${call.detail ? ` ${call.detail}` : ''}${call.errorCode ? ` (failed: ${call.errorCode})` : ''} by ${call.by} from ${call.sourceIPAddress || '-'} via ${call.via}`;

/** The deletion audit as text: each deletion with its clean-up, then whether the name came back. */
export function deletionText(audit: DeletionAudit, searched: string): string {
  const lines = [`Deletion audit of user ${audit.userName} (${searched}):`];
  if (audit.deletions.length === 0) lines.push('  No DeleteUser of this name in the records searched.');
  for (const deletion of audit.deletions) {
    lines.push(`  Deleted ${deletion.deleteUser.eventTime} by ${deletion.deleteUser.by} from ${deletion.deleteUser.sourceIPAddress || '-'} via ${deletion.deleteUser.via}${deletion.userId ? ` (the user ${deletion.userId})` : ''}`);
    lines.push(...(deletion.cleanup.length ? deletion.cleanup.map((call) => `    before: ${callLine(call)}`) : ['    no clean-up call before it in the records']));
  }
  for (const creation of audit.creations) lines.push(`  Created ${creation.eventTime} by ${creation.by}${creation.userId ? ` as ${creation.userId}` : ''}`);
  const again = audit.recreatedAfterDeletion;
  if (again) {
    const id = again.differentId === true ? ', a different unique id: another identity under the old name' : again.differentId === false ? ', the same unique id' : '';
    lines.push(`  Created again after the deletion: ${again.eventTime} by ${again.by}${again.userId ? ` as ${again.userId}` : ''}${id}.`);
  }
  return `${lines.join('\n')}\n`;
}
