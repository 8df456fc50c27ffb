import type { Me } from "../api/types";

/** Capacities that may replay an operation's record (the server's rule for the audit endpoints). */
const auditingCapacities = new Set(["commander", "auditor"]);

export function mayAudit(me: Me, operationId: string): boolean {
  return me.memberships.some((membership) => membership.operationId === operationId && auditingCapacities.has(membership.capacity));
}

/** The store-wide integrity check is for holders of the auditor role, whatever their operations. */
export function mayVerifyIntegrity(me: Me): boolean {
  return me.roles.includes("auditor");
}
