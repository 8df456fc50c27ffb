import { getBoard, getMe } from "../api/endpoints";
import type { Board, BoardSite, Membership } from "../api/types";
import { onLanguageChange, t } from "../i18n/i18n";
import { RefreshScheduler } from "../util/refreshScheduler";
import { h, replaceChildren } from "../ui/dom";
import { topBar } from "../ui/topBar";
import { commandForm, commandPaths, type CommandKind } from "./commandForms";
import { renderOutbox } from "./outboxList";
import { allEntries, enqueue } from "./outbox/outboxStore";
import { OutboxSender } from "./outbox/outboxSender";

interface Assignment {
  membership: Membership & { teamId: string };
  board: Board;
  sites: BoardSite[];
}

/** @param after a feed position the boards must reflect (the phone's own latest delivered command). */
async function loadAssignments(after: string | null = null): Promise<Assignment[]> {
  const me = await getMe();
  const teams = me.memberships.filter((membership): membership is Membership & { teamId: string } => membership.teamId !== null);
  return Promise.all(
    teams.map(async (membership) => {
      const board = await getBoard(membership.operationId, after);
      return { membership, board, sites: board.sites.filter((site) => site.teams.some((team) => team.teamId === membership.teamId)) };
    }),
  );
}

/** The phone app of a field team: its sites, quick forms, and the outbox of what it logged. */
export async function renderField(root: HTMLElement): Promise<void> {
  const outboxList = h("ol", { class: "plain outbox", "data-testid": "outbox" });
  const refreshOutbox = async (): Promise<void> => renderOutbox(outboxList, await allEntries());
  let assignments: Assignment[] = await loadAssignments();
  // After deliveries the sites' statuses change; re-read them (one read at a time) and update the badges in place,
  // never re-rendering the forms an officer may be typing into.
  let delivered: string | null = null;
  const reloadSites = new RefreshScheduler(async () => {
    assignments = await loadAssignments(delivered);
    for (const site of assignments.flatMap((assignment) => assignment.sites)) {
      const badge = root.querySelector(`[data-testid="field-site-status-${site.siteId}"]`);
      if (badge) badge.textContent = t(`site.${site.status}`);
    }
  });
  const sender = new OutboxSender((deliveredAt) => {
    delivered = deliveredAt;
    void refreshOutbox();
    reloadSites.request();
  });

  const log = async (assignment: Assignment, site: BoardSite, kind: CommandKind, body: Record<string, unknown>): Promise<void> => {
    // The command id is fixed now, before the first send: it is the Idempotency-Key of every retry.
    await enqueue({
      commandId: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
      label: [t(`command.${kind}`, { site: site.address }), body["name"], body["localTag"], body["description"], body["accountHolder"]]
        .filter((part) => typeof part === "string" && part.length > 0)
        .join(" · "),
      path: `/api/operations/${assignment.board.operationId}/sites/${site.siteId}/${commandPaths[kind]}`,
      body: { ...body, teamId: assignment.membership.teamId, occurredAt: new Date().toISOString() },
    });
    await refreshOutbox();
    sender.kick();
  };

  const siteCard = (assignment: Assignment, site: BoardSite): HTMLElement =>
    h(
      "section",
      { class: "card site-card", "data-testid": `field-site-${site.siteId}` },
      h("header", {}, h("strong", {}, site.address), h("span", { class: "badge", "data-testid": `field-site-status-${site.siteId}` }, t(`site.${site.status}`))),
      h(
        "div",
        { class: "quick-actions" },
        commandForm("breach", site.siteId, (body) => void log(assignment, site, "breach", body)),
        commandForm("secure", site.siteId, (body) => void log(assignment, site, "secure", body)),
      ),
      ...(["arrest", "seizure", "freeze"] as const).map((kind) =>
        h("details", { open: kind === "arrest" }, h("summary", {}, t(kind)), commandForm(kind, site.siteId, (body) => void log(assignment, site, kind, body))),
      ),
    );

  const network = h("p", { class: "network", "data-testid": "network" });
  const showNetwork = (): void => {
    network.textContent = navigator.onLine ? t("online") : t("offline");
    network.className = `network ${navigator.onLine ? "online" : "offline"}`;
  };
  window.addEventListener("online", showNetwork);
  window.addEventListener("offline", showNetwork);

  const render = (): void => {
    const teamName = (assignment: Assignment): string =>
      assignment.board.teams.find((team) => team.teamId === assignment.membership.teamId)?.name ?? assignment.membership.teamId;
    replaceChildren(
      root,
      topBar(t("fieldApp")),
      h(
        "main",
        { class: "field" },
        network,
        ...assignments.map((assignment) =>
          h(
            "div",
            { class: "assignment" },
            h("h1", {}, `${assignment.board.codeName} · ${t("myTeam", { team: teamName(assignment) })}`),
            h("h2", {}, t("mySites")),
            ...(assignment.sites.length > 0 ? assignment.sites.map((site) => siteCard(assignment, site)) : [h("p", { class: "muted" }, t("noAssignment"))]),
          ),
        ),
        assignments.length === 0 ? h("p", { class: "muted" }, t("noAssignment")) : null,
        h("section", { class: "card" }, h("h2", {}, t("outbox")), outboxList),
      ),
    );
    showNetwork();
    void refreshOutbox();
  };

  render();
  onLanguageChange(render);
  window.addEventListener("online", () => reloadSites.request());
  sender.kick();
}
