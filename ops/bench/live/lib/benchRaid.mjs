// The raids the benchmark writes to, planned and launched through the public API by one commander (whose token the
// clients subscribe with): one city, a few dens, one team and one field officer per den (several officers keep each
// under the server's per-user write limit).
import { randomUUID } from "node:crypto";
import { RaidApi } from "./raidApi.mjs";

const PASSWORD = "live-bench-Pa55word-2026";

async function registerAccount(admin, userName, role) {
  const userId = randomUUID();
  await admin.command("/api/accounts", { userId, userName, displayName: userName, password: PASSWORD, roles: [role] });
  return userId;
}

/** Signs in as the administrator and registers and signs in the commander: { admin, commander, run }. */
export async function signInBenchCommander(baseUrl, adminPassword) {
  const anonymous = new RaidApi(baseUrl);
  const admin = await anonymous.signIn("admin", adminPassword, "live-bench-admin");
  const run = randomUUID().slice(0, 8);
  await registerAccount(admin, `bench-commander-${run}`, "commander");
  return { admin, commander: await anonymous.signIn(`bench-commander-${run}`, PASSWORD, "live-bench-command-post"), run, raids: 0 };
}

/**
 * A new launched operation of the commander's: { operationId, dens: [{ siteId, teamId, officer (RaidApi) }], position
 * (the launch's) }. A fresh one for every phase keeps the operation at a raid's size (a few hundred arrests).
 */
export async function planBenchRaid(people, densCount) {
  const { admin, commander } = people;
  const code = `${people.run}-${++people.raids}`;
  const operationId = randomUUID();
  const path = `/api/operations/${operationId}`;
  await commander.command("/api/operations", {
    operationId,
    codeName: `LB-${code}`,
    title: "Live push benchmark",
    originCase: { reference: `LB-${code}`, reportedLoss: { amount: 1_000_000, currency: "CNY" }, reportedAt: new Date(Date.now() - 30 * 86_400_000).toISOString() },
    homeCity: { code: "LZ", name: "兰州 Lanzhou", timeZoneId: "Asia/Shanghai" },
    commander: "Bench Commander",
  });
  await commander.command(`${path}/cities`, { cityCode: "ZZ", name: "郑州 Zhengzhou", localCommander: "Bench Local", timeZoneId: "Asia/Shanghai" });

  const dens = [];
  for (let index = 1; index <= densCount; index++) {
    const siteId = randomUUID();
    const teamId = randomUUID();
    await commander.command(`${path}/sites`, { siteId, cityCode: "ZZ", address: `Bench street ${index}`, expectedHeadcount: 10 });
    await commander.command(`${path}/teams`, { teamId, name: `ZZ team ${index}`, leader: `Leader ${index}`, headcount: 8, cityCode: "ZZ" });
    await commander.command(`${path}/assignments`, { teamId, siteId });
    const officerName = `bench-officer-${code}-${index}`;
    const officerId = await registerAccount(admin, officerName, "field-officer");
    await commander.command(`${path}/members`, { userId: officerId, capacity: "field-officer", teamId });
    dens.push({ siteId, teamId, officer: await new RaidApi(commander.baseUrl).signIn(officerName, PASSWORD, `live-bench-phone-${index}`) });
  }

  await commander.command(`${path}/strike-time`, { hHour: new Date(Date.now() + 60_000).toISOString() });
  await commander.command(`${path}/approval`, {});
  const launched = await commander.command(`${path}/launch`, {});
  return { operationId, dens, position: launched.position };
}
