// Biolight dashboard: talks to the control API with the bridge's token. No third-party code.
// Region names, colours and tips and the session cap come from the bridge (bootstrap.js).
import { sentence, tryAgain } from "./retry-time.js";

const { regions, maxSessionSeconds } = window.BIOLIGHT;
const maxSessionMinutes = maxSessionSeconds / 60;
/** The history chart's span. */
const HISTORY_DAYS = 28;
const HISTORY_WEEKS = HISTORY_DAYS / 7;
const $ = (id) => document.getElementById(id);
const store = () => (localStorage.getItem("biolight-token") ? localStorage : sessionStorage);
let token = localStorage.getItem("biolight-token") ?? sessionStorage.getItem("biolight-token");
let panels = [];
/**
 * When each running panel goes off, by this page's clock (panel id → {session, at}). Answers can
 * arrive out of order or late (two refreshes at once, a busy bridge), and a session's end only ever
 * moves earlier: the earliest end seen for a session is kept, so the countdown never runs back.
 */
const deadlines = new Map();
const remaining = (p) => Math.max(0, ((deadlines.get(p.id)?.at ?? Date.now() + p.remainingSeconds * 1000) - Date.now()) / 1000);
let pollTimer;
/** The bridge's caution (GET /v1/caution): the version and text to acknowledge, and the gate's state. */
let caution;
/** The bridge's people (GET /v1/people) and whose dose and history the page shows and starts for. */
let people = [];
let person;
const PERSON_KEY = "biolight-person";
/** A path with `?person=` (or `&person=`) for the chosen person; unchanged while nobody is chosen. */
const forPerson = (path, id = person) => (id ? `${path}${path.includes("?") ? "&" : "?"}person=${encodeURIComponent(id)}` : path);
const personName = (id) => people.find((x) => x.id === id)?.name ?? id;

async function api(path, options = {}) {
  const res = await fetch(path, {
    ...options,
    headers: { Authorization: `Bearer ${token}`, ...(options.body ? { "Content-Type": "application/json" } : {}) },
  });
  const body = await res.json().catch(() => ({}));
  if (res.status === 401) throw Object.assign(new Error("The token was not accepted."), { status: 401 });
  return { status: res.status, ok: res.ok, body };
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== false && v !== undefined) node.setAttribute(k, v === true ? "" : v);
  }
  node.append(...children);
  return node;
}

const mmss = (s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
const when = (iso) => {
  if (!iso) return "not at this distance";
  const t = new Date(iso);
  if (t <= Date.now() + 1000) return "now";
  return t.toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" });
};

function say(text, refused = false) {
  const m = $("action-message");
  m.textContent = text;
  m.className = refused ? "message refused" : "message";
  m.hidden = false;
}

/**
 * What was typed in each panel's minutes box (panel id → text). The cards are rebuilt on every
 * refresh, so the text, and the cursor when the box had it, are carried over to the new box.
 */
const minutesTyped = new Map();

function renderPanels() {
  const box = $("panels");
  const focused = document.activeElement?.dataset?.minutes;
  box.replaceChildren(
    ...panels.map((p) => {
      const minutes = el("input", {
        type: "number",
        min: "1",
        max: String(Math.ceil(maxSessionMinutes)),
        placeholder: "min",
        "aria-label": `Minutes for ${p.name}`,
        "data-minutes": p.id,
        oninput: (e) => minutesTyped.set(p.id, e.target.value),
      });
      minutes.value = minutesTyped.get(p.id) ?? "";
      return el(
        "div",
        { class: "panel", "data-panel": p.id },
        el(
          "div",
          { class: "panel-head" },
          el(
            "div",
            {},
            el("strong", {}, p.name),
            " · ",
            el("span", { class: `state ${p.on ? "on" : ""}`, "data-state": p.on ? "on" : "off" }, p.on ? "ON" : "off"),
            p.reachable ? "" : el("span", { class: "error" }, " · not reachable"),
          ),
          el("div", { class: "countdown", "data-countdown": p.id }, p.on ? mmss(remaining(p)) : ""),
          p.on ? el("button", { class: "secondary", "data-stop": p.id, onclick: () => stop(p.id) }, "Stop") : "",
        ),
        el(
          "p",
          { class: "small" },
          p.on ? `${regions[p.region].displayName} session` : `Next plain "on" uses: ${regions[p.region].displayName}`,
          // Whose session it is, when there is more than one person to tell apart.
          p.on && p.session?.person && people.length > 1
            ? el("span", { "data-session-person": p.session.person }, ` for ${personName(p.session.person)}`)
            : "",
        ),
        el(
          "div",
          { class: "regions" },
          ...Object.values(regions).map((r) =>
            el(
              "button",
              { "data-start": r.id, disabled: p.on || !p.reachable, onclick: () => start(p.id, r.id, minutes.value) },
              `Start ${r.displayName}`,
            ),
          ),
          minutes,
        ),
      );
    }),
  );
  if (focused) box.querySelector(`[data-minutes="${focused}"]`)?.focus();
}

function tick() {
  for (const p of panels) {
    const node = document.querySelector(`[data-countdown="${p.id}"]`);
    if (node && p.on) node.textContent = mmss(remaining(p));
  }
}

function trackDeadlines() {
  for (const p of panels) {
    if (!p.on) {
      deadlines.delete(p.id);
      continue;
    }
    const at = Date.now() + p.remainingSeconds * 1000;
    const was = deadlines.get(p.id);
    const session = p.session?.id;
    deadlines.set(p.id, { session, at: was && was.session === session ? Math.min(was.at, at) : at });
  }
}

function renderDose(dose) {
  // The chosen person's regions (the bridge answers for that one person) and the first panel's on-time.
  const shown = dose.people.find((x) => x.id === person) ?? dose.people[0];
  const panel = dose.panels[0];
  $("dose").dataset.person = shown.id;
  $("dose-title").textContent = people.length > 1 ? `${shown.name}: light in the last 24 hours` : "Light in the last 24 hours";
  $("dose").replaceChildren(
    ...Object.values(regions).map((r) => {
      const d = shown.regions[r.id];
      const cap = d.usedFluenceJPerCm2 + d.remainingFluenceJPerCm2 || 1;
      const pct = Math.min(100, (100 * d.usedFluenceJPerCm2) / cap);
      return el(
        "div",
        { class: "dose-row", "data-dose": r.id },
        el("span", {}, r.displayName),
        el(
          "div",
          { class: "bar", title: `${d.usedFluenceJPerCm2} of ${cap.toFixed(1)} J/cm²` },
          el("span", { style: `width:${pct}%`, "data-used": d.usedFluenceJPerCm2 }),
        ),
        el("span", { class: "small" }, `${d.usedFluenceJPerCm2.toFixed(1)} / ${cap.toFixed(0)} J/cm² · next ${when(d.nextAllowedAt)}`),
      );
    }),
  );
  $("on-time").textContent =
    `Panel on-time: ${Math.round(panel.onSeconds24h / 60)} min used, ${Math.round(panel.remainingOnSeconds24h / 60)} min left in the last 24 hours.`;
}

const at = (iso) =>
  new Date(iso).toLocaleString([], { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** Why the household gate is closed (or the picked person held), in words, from the bridge's caution status. */
function cautionWhy(c) {
  if (c.acknowledged && c.personWithdrawn)
    return {
      title: `Sessions for ${personName(person)} are paused: a red flag was reported`,
      why: `A red flag was reported for ${personName(person)}. Their sessions are refused until ${personName(person)} reads the caution again and confirms that none of it applies now (someone else's confirmation does not count for them).`,
    };
  if (c.withdrawnAt)
    return {
      title: "Sessions are paused: a red flag was reported",
      why: `A red flag was reported on ${at(c.withdrawnAt)}${c.withdrawnReason ? `: “${c.withdrawnReason}”` : ""}. Every session is refused until someone reads the caution again and confirms that none of it applies now.`,
    };
  if (c.acknowledgedVersion != null && c.acknowledgedVersion !== c.version)
    return {
      title: "The caution has changed",
      why: `This is a new version of the caution (version ${c.version}; version ${c.acknowledgedVersion} was acknowledged before). Every session is refused until someone in the household reads it and confirms.`,
    };
  return {
    title: "Before the first session",
    why: "Nobody in the household has acknowledged the caution yet. Every session is refused until someone reads it and confirms.",
  };
}

/** Every open red flag, newest first: when, for whom, how, why, and who has still to confirm. */
function renderRedFlags(flags) {
  $("red-flags").hidden = flags.length === 0;
  const names = (ids) => ids.map(personName).join(", ");
  $("red-flags-list").replaceChildren(
    ...flags.map((f) =>
      el(
        "li",
        { "data-red-flag": f.person ?? "" },
        `${at(f.at)}: ${f.person ? `for ${personName(f.person)}` : "for everyone"}, via ${f.source}${f.reason ? `: “${f.reason}”` : ""}. Waiting for ${names(f.waitingFor)} to confirm.`,
      ),
    ),
  );
}

/** Shows the caution whenever the bridge says it is not acknowledged, and the red-flag button when it is. */
function renderCaution(c) {
  caution = c;
  renderRedFlags(c.redFlags ?? []);
  const open = c.acknowledged && !c.personWithdrawn;
  $("caution").hidden = open;
  $("red-flag").hidden = !open;
  if (open) return cautionError();
  const { title, why } = cautionWhy(c);
  $("caution-title").textContent = title;
  $("caution-why").textContent = why;
  $("caution-text").textContent = c.text;
}

function renderHistory(sessions, who) {
  const days = HISTORY_DAYS;
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const perDay = Array.from({ length: days }, () => ({}));
  for (const s of sessions) {
    const d = new Date(s.startedAt);
    d.setHours(0, 0, 0, 0);
    const index = days - 1 - Math.round((today - d) / 86400000);
    if (index < 0 || index >= days) continue;
    perDay[index][s.region] = (perDay[index][s.region] ?? 0) + s.deliveredSeconds / 60;
  }
  const max = Math.max(maxSessionMinutes, ...perDay.map((d) => Object.values(d).reduce((a, b) => a + b, 0)));
  const w = 24;
  const h = 120;
  const bars = perDay.flatMap((d, i) => {
    let y = h;
    return Object.keys(regions)
      .filter((r) => d[r])
      .map((r) => {
        const bh = (d[r] / max) * (h - 10);
        y -= bh;
        return `<rect x="${i * w + 3}" y="${y.toFixed(1)}" width="${w - 6}" height="${bh.toFixed(1)}" fill="${regions[r].colour}"><title>${regions[r].displayName}: ${d[r].toFixed(1)} min</title></rect>`;
      });
  });
  const weeks = Array.from({ length: HISTORY_WEEKS }, (_, k) => k * 7).map(
    (i) => `<line x1="${i * w}" y1="0" x2="${i * w}" y2="${h}" stroke="#ddd"/>`,
  );
  $("history-chart").innerHTML =
    `<svg viewBox="0 0 ${days * w} ${h + 16}" xmlns="http://www.w3.org/2000/svg">${weeks.join("")}${bars.join("")}` +
    `<text x="0" y="${h + 13}" font-size="10" fill="#6b6b70">${HISTORY_WEEKS} weeks ago</text><text x="${days * w}" y="${h + 13}" font-size="10" fill="#6b6b70" text-anchor="end">today</text></svg>` +
    `<div class="legend">${Object.values(regions)
      .map((r) => `<span><i style="background:${r.colour}"></i>${r.displayName}</span>`)
      .join("")}</div>`;
  const whose = who && people.length > 1 ? who.name : "";
  $("history-title").textContent = whose ? `${whose}: last ${HISTORY_WEEKS} weeks` : `Last ${HISTORY_WEEKS} weeks`;
  $("history-chart").setAttribute(
    "aria-label",
    `${whose ? `${whose}'s sessions` : "Sessions"} per day over the last ${HISTORY_WEEKS} weeks`,
  );
  $("history-chart").dataset.person = who?.id ?? "";
  $("history-chart").dataset.sessions = String(sessions.length);
  const minutes = sessions.reduce((a, s) => a + s.deliveredSeconds, 0) / 60;
  $("history-summary").textContent =
    `${sessions.length === 1 ? "1 session" : `${sessions.length} sessions`}, ${Math.round(minutes)} minutes of light in ${HISTORY_WEEKS} weeks. Look for trends over weeks, not single days.`;
}

/**
 * The person picker: the bridge's people (GET /v1/people); shown only when there are several. The
 * choice is kept on this device; without one (or when that person is gone) it is the first panel's
 * defaultPerson.
 */
async function loadPeople(firstPanelId = panels[0]?.id) {
  const res = await api("/v1/people");
  people = res.ok ? res.body.people : [];
  const saved = localStorage.getItem(PERSON_KEY);
  person = people.some((x) => x.id === saved) ? saved : (people.find((x) => x.defaultForPanels.includes(firstPanelId)) ?? people[0])?.id;
  const select = $("person");
  select.replaceChildren(...people.map((x) => el("option", { value: x.id, selected: x.id === person }, x.name)));
  if (person) select.value = person;
  $("person-picker").hidden = people.length < 2;
}

function unknownPerson(res) {
  return res.status === 400 && res.body.error?.code === "UNKNOWN_PERSON";
}

/** The cloud link (GET /v1/health `cloud`), shown when the bridge has one: the voice path depends on it. */
function renderCloud(state) {
  const line = $("cloud-state");
  line.hidden = !state || state === "off";
  line.dataset.state = state ?? "";
  line.textContent =
    state === "connected"
      ? "Cloud link: connected (the Alexa skill reaches this bridge through AWS IoT Core)"
      : "Cloud link: connecting… (the Alexa skill cannot reach this bridge until it is back; this page, Matter and the dose guard work as before)";
}

/** GET /v1/health: a storage folder the bridge cannot write (`storage`), a clock behind the ledger (`clockCheck`). */
async function refreshStorage() {
  const health = await fetch("/v1/health")
    .then((r) => r.json())
    .catch(() => ({}));
  renderCloud(health.cloud);
  let alarm = $("storage-alarm");
  if (!alarm) {
    alarm = el(
      "section",
      { id: "storage-alarm", class: "card warn", role: "alert", hidden: true },
      el("h2", {}, "Sessions are paused"),
      el("p", {}),
    );
    $("app").prepend(alarm);
  }
  renderClock(health.clock === "behind" ? health.clockCheck : undefined);
  alarm.hidden = !health.storage;
  if (health.storage)
    alarm.querySelector("p").textContent =
      health.storage === "locked"
        ? "Another bridge holds this bridge's storage folder: every session is refused while it runs. The bridge's log names it."
        : "The bridge cannot write its storage folder: every session is refused and Matter is offline until it can. The bridge's log names the folder and the cause; it carries on by itself once the folder is writable.";
}

/** The clock behind the dose ledger (GET /v1/health `clockCheck`): both times, and the owner's confirmation. */
let clockCheck;
function renderClock(check) {
  clockCheck = check;
  $("clock").hidden = !check;
  if (!check) return;
  const both = (iso) => `${new Date(iso).toLocaleString()} (${iso})`;
  $("clock-why").textContent = check.waitsFor;
  $("clock-ledger").textContent = both(check.ledgerNewestAt);
  $("clock-machine").textContent = both(check.machineTime);
}

function clockError(text) {
  $("clock-error").textContent = text ?? "";
  $("clock-error").hidden = !text;
}

$("clock-confirm").addEventListener("click", async () => {
  if (!clockCheck) return;
  const res = await api("/v1/clock/confirm", { method: "POST", body: JSON.stringify({ behindSeconds: clockCheck.behindSeconds }) });
  if (res.ok) {
    clockError();
    say(
      res.body.redated
        ? `Clock confirmed: ${res.body.redated} ledger ${res.body.redated === 1 ? "entry" : "entries"} now count as having happened just now. Sessions can start again.`
        : "The clock is not behind the dose ledger any more: nothing needed changing.",
    );
  } else clockError(`Not confirmed: ${res.body.error?.message ?? `HTTP ${res.status}`}`);
  await refresh();
});

async function refresh() {
  void refreshStorage();
  try {
    const asked = person;
    const [p, d, c] = await Promise.all([api("/v1/panels"), api(forPerson("/v1/dose", asked)), api(forPerson("/v1/caution", asked))]);
    panels = p.body.panels;
    trackDeadlines();
    renderPanels();
    // The people changed under the page (the bridge restarted with another config): ask again.
    if (unknownPerson(d)) await loadPeople();
    // A person picked while this was on its way: that person's answer is the one to show.
    else if (d.ok && asked === person) renderDose(d.body);
    if (c.ok) renderCaution(c.body);
  } catch (err) {
    if (err.status === 401) return signOut("The token is no longer accepted.");
  }
}

/** The 4-week chart: the chosen person's sessions (everyone's, from a bridge without people). */
async function refreshHistory() {
  const asked = person;
  const h = await api(forPerson(`/v1/history?days=${HISTORY_DAYS}`, asked));
  if (asked !== person || !h.ok) return;
  const group = h.body.people ?? [];
  const who = group.find((x) => x.id === asked);
  renderHistory(who ? who.sessions : group.flatMap((x) => x.sessions).sort((a, b) => a.endedAt.localeCompare(b.endedAt)), who);
}

async function refreshSlow() {
  await Promise.all([refreshHistory(), refreshPairing(), refreshAlexa()]);
}

/** Linked Alexa accounts (GET /v1/alexa/accounts), asked of the cloud: only with a cloud link. */
const linkedCount = (n) => `Linked: ${n} Alexa account${n === 1 ? "" : "s"}`;
function alexaSay(text, refused = false) {
  const m = $("alexa-message");
  m.textContent = text;
  m.className = refused ? "message refused" : "message";
  m.hidden = !text;
}
function renderAlexa(body) {
  $("alexa-count").textContent = linkedCount(body.count);
  $("alexa-accounts").replaceChildren(
    ...body.accounts.map((a) =>
      el("li", {}, `Linked ${new Date(a.linkedAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}`),
    ),
  );
  $("alexa-unlink-all").hidden = body.count === 0;
}
async function refreshAlexa() {
  const health = await fetch("/v1/health")
    .then((r) => r.json())
    .catch(() => ({}));
  // No cloud section: the bridge can join a hosted skill's cloud from here; with one, its Alexa accounts.
  $("cloud-join").hidden = health.cloud !== "off";
  $("alexa").hidden = !health.cloud || health.cloud === "off";
  if ($("alexa").hidden) return;
  const res = await api("/v1/alexa/accounts");
  if (res.ok) renderAlexa(res.body);
  else $("alexa-count").textContent = res.body.error?.message ?? "The linked accounts cannot be read just now.";
}
$("alexa-link-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const code = $("alexa-code").value.trim();
  alexaSay("Linking…");
  const res = await api("/v1/alexa/link", { method: "POST", body: JSON.stringify({ code }) });
  if (!res.ok) return alexaSay(res.body.error?.message ?? `Not linked (HTTP ${res.status}).`, true);
  $("alexa-code").value = "";
  renderAlexa(res.body);
  alexaSay(linkedCount(res.body.count));
});
/** POST /v1/cloud/join: key and CSR made on the bridge, the endpoint called, the link started in place. */
function joinSay(text, refused = false) {
  const m = $("cloud-join-message");
  m.textContent = text;
  m.className = refused ? "message refused" : "message";
  m.hidden = !text;
}
$("cloud-join-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = { code: $("cloud-join-code").value.trim(), provisionUrl: $("cloud-join-url").value.trim() };
  joinSay("Joining…");
  const res = await api("/v1/cloud/join", { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) return joinSay(res.body.error?.message ?? `Not joined (HTTP ${res.status}).`, true);
  $("cloud-join-code").value = "";
  joinSay("");
  renderCloud(res.body.cloud);
  // This card goes; the Alexa accounts card (now that there is a link) says what happened, then lists the accounts.
  $("cloud-join").hidden = true;
  $("alexa").hidden = false;
  alexaSay(`Joined the cloud as ${res.body.thing}: the cloud link is starting, no restart needed.`);
  void refreshAlexa();
});
$("alexa-unlink-all").addEventListener("click", async () => {
  if (!confirm("Unlink every Alexa account from this bridge? Each can link again with a new code.")) return;
  const res = await api("/v1/alexa/unlink-all", { method: "POST", body: "{}" });
  if (!res.ok) return alexaSay(res.body.error?.message ?? `Not unlinked (HTTP ${res.status}).`, true);
  renderAlexa(res.body);
  alexaSay(`Unlinked ${res.body.unlinked} Alexa account${res.body.unlinked === 1 ? "" : "s"}.`);
});

const fabricName = (f) => (f.label ? `${f.vendorName} (${f.label})` : f.vendorName);

function pairingSay(text, refused = false) {
  const m = $("pairing-message");
  m.textContent = text;
  m.className = refused ? "message refused" : "message";
  m.hidden = !text;
}

/** Paired or not and with whom (GET /v1/pairing); the code only while it pairs. */
function renderPairing(p) {
  $("pairing-status").textContent = p.commissioned
    ? `Paired with ${p.fabrics.length === 1 ? "1 ecosystem" : `${p.fabrics.length} ecosystems`}:`
    : "Not paired yet. Scan the code below in Apple Home, Google Home, Alexa or Home Assistant.";
  $("fabrics").replaceChildren(
    ...p.fabrics.map((f) =>
      el(
        "li",
        { "data-fabric": String(f.fabricIndex) },
        el("span", { class: "fabric-name" }, fabricName(f)),
        el(
          "button",
          { type: "button", class: "link danger", "data-remove-fabric": String(f.fabricIndex), onclick: () => removeFabric(f) },
          "Remove",
        ),
      ),
    ),
  );
  const code = Boolean(p.qrPairingCode);
  $("pairing-code").hidden = !code;
  if (code) {
    if ($("qr").dataset.code !== p.qrPairingCode) {
      $("qr").innerHTML = p.qrSvg;
      $("qr").dataset.code = p.qrPairingCode;
    }
    $("manual-code").textContent = p.manualPairingCode;
    $("pairing-how").textContent =
      p.window.kind === "enhanced"
        ? "Add another ecosystem: scan this new code in its app (choose “add device”, not a code from the box), or type the manual code:"
        : "Scan the code in Apple Home, Google Home, Alexa or Home Assistant, or type the manual code:";
  }
  const expires = p.window.open && p.window.expiresAt;
  $("pairing-expires").hidden = !expires;
  if (expires)
    $("pairing-expires").textContent =
      `This code works until ${new Date(p.window.expiresAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}.`;
  $("open-window").hidden = !p.commissioned || p.window.open;
  if (p.window.open && p.window.kind === "controller") pairingSay("A paired app has opened a pairing window right now.");
}

async function refreshPairing() {
  const res = await api("/v1/pairing");
  if (res.ok) renderPairing(res.body);
  return res;
}

async function removeFabric(f) {
  const sure = confirm(
    `Remove ${fabricName(f)}?\n\nThe bridge forgets this pairing: the panel stops working in that app (remove it there too). ${
      document.querySelectorAll("[data-fabric]").length === 1 ? "It is the last one: the bridge shows its pairing code again." : ""
    }`,
  );
  if (!sure) return;
  const res = await api(`/v1/pairing/fabrics/${encodeURIComponent(f.fabricIndex)}`, { method: "DELETE" });
  if (res.ok) pairingSay(`Removed ${fabricName(f)}.`);
  else pairingSay(`Not removed: ${res.body.error?.message ?? `HTTP ${res.status}`}`, true);
  await refreshPairing();
}

$("open-window").addEventListener("click", async () => {
  const res = await api("/v1/pairing/window", { method: "POST", body: "{}" });
  if (res.ok) {
    renderPairing(res.body);
    pairingSay("Pairing window open: scan the new code in the other app within 15 minutes.");
  } else {
    pairingSay(`No window opened: ${res.body.error?.message ?? `HTTP ${res.status}`}`, true);
    await refreshPairing();
  }
});

async function start(panelId, region, minutes) {
  // For the person chosen on the page (the bridge's default, the panel's defaultPerson, otherwise).
  const body = { region, panelId, ...(person ? { person } : {}), ...(minutes ? { seconds: Math.round(Number(minutes) * 60) } : {}) };
  const res = await api("/v1/sessions", { method: "POST", body: JSON.stringify(body) });
  if (res.ok) {
    // Used: the next start is the default length again unless someone types one.
    minutesTyped.delete(panelId);
    const cut = res.body.adjustments.length
      ? ` (shortened: ${res.body.adjustments.map((a) => a.reason.toLowerCase().replaceAll("_", " ")).join(", ")})`
      : "";
    const forWhom = people.length > 1 ? ` for ${personName(res.body.session.person)}` : "";
    say(
      `Started ${regions[region].displayName}${forWhom} for ${mmss(res.body.session.seconds)}${cut}. ${regions[region].positioningTip} Pleasantly warm at most — stop if it feels hot.`,
    );
  } else {
    const e = res.body.error ?? {};
    const retry = e.retryAfterSeconds ? ` ${tryAgain(e.retryAfterSeconds)}` : "";
    say(`Not started: ${sentence(e.message ?? e.code)}${retry}`, true);
  }
  await refresh();
  await refreshSlow();
}

async function stop(panelId) {
  const res = await api(`/v1/panels/${encodeURIComponent(panelId)}/stop`, { method: "POST", body: "{}" });
  if (res.ok) say(`Stopped after ${mmss(res.body.session.deliveredSeconds)}.`);
  await refresh();
  await refreshSlow();
}

function signOut(message) {
  clearInterval(pollTimer);
  // Nothing of the bridge stays on the page, what was typed included.
  minutesTyped.clear();
  panels = [];
  $("panels").replaceChildren();
  token = null;
  localStorage.removeItem("biolight-token");
  sessionStorage.removeItem("biolight-token");
  $("app").hidden = true;
  $("logout").hidden = true;
  $("login").hidden = false;
  const err = $("login-error");
  err.hidden = !message;
  err.textContent = message ?? "";
}

async function signIn(candidate, remember) {
  token = candidate;
  let first;
  try {
    first = await api("/v1/panels");
  } catch (err) {
    return signOut(err.status === 401 ? "Wrong token: the bridge refused it." : "Cannot reach the bridge.");
  }
  (remember ? localStorage : store()).setItem("biolight-token", token);
  $("login").hidden = true;
  $("app").hidden = false;
  $("logout").hidden = false;
  $("login-error").hidden = true;
  await loadPeople(first.body.panels?.[0]?.id).catch(() => {});
  await refresh();
  await refreshSlow();
  let ticks = 0;
  pollTimer = setInterval(() => {
    void refresh();
    // Pairing changes (an app paired, a window closed) are picked up every few seconds.
    if (++ticks % 3 === 0) void refreshPairing().catch(() => {});
  }, 2000);
}

function cautionError(text) {
  const e = $("caution-error");
  e.textContent = text ?? "";
  e.hidden = !text;
}

// Acknowledges exactly the version the bridge reported (and this page showed).
$("caution-ack").addEventListener("click", async () => {
  if (!caution) return;
  const res = await api("/v1/caution/acknowledge", {
    method: "POST",
    // The household's gate, and the chosen person's own answer.
    body: JSON.stringify({ version: caution.version, source: "dashboard", ...(person ? { person } : {}) }),
  });
  if (res.ok) cautionError();
  else if (res.body.error?.code === "CAUTION_VERSION_MISMATCH")
    cautionError("The bridge now asks a newer version of the caution. Please read it again below.");
  else cautionError(`Not recorded: ${res.body.error?.message ?? `HTTP ${res.status}`}`);
  await refresh();
});

$("withdraw").addEventListener("click", async () => {
  const sure = confirm(
    "Report a red flag?\n\nEvery panel is switched off now, and every session is refused until someone reads the caution again and confirms that none of it applies.",
  );
  if (!sure) return;
  const reason = $("withdraw-reason").value.trim().slice(0, 200);
  let res;
  try {
    res = await api("/v1/caution/withdraw", {
      method: "POST",
      body: JSON.stringify({ ...(reason ? { reason } : {}), source: "dashboard" }),
    });
  } catch (err) {
    if (err.status === 401) return signOut("The token is no longer accepted.");
    res = { ok: false, status: 0, body: { error: { message: "the bridge did not answer" } } };
  }
  if (res.ok) {
    $("withdraw-reason").value = "";
    const n = res.body.stopped?.length ?? 0;
    say(
      `Red flag recorded: all sessions are paused${n ? ` and ${n === 1 ? "the running session was" : `${n} running sessions were`} switched off` : ""}. Please talk to a healthcare professional.`,
      true,
    );
  } else
    say(
      `The red flag could not be recorded: ${sentence(res.body.error?.message ?? `HTTP ${res.status}`)} Switch the panel off at its plug.`,
      true,
    );
  await refresh();
  $("caution").scrollIntoView?.({ block: "nearest" });
});
$("login-form").addEventListener("submit", (e) => {
  e.preventDefault();
  void signIn($("token").value.trim(), $("remember").checked);
});
$("logout").addEventListener("click", () => signOut());
$("person").addEventListener("change", async (e) => {
  person = e.target.value;
  localStorage.setItem(PERSON_KEY, person);
  // Someone else's session length is not theirs.
  minutesTyped.clear();
  await Promise.all([refresh(), refreshHistory()]);
});
setInterval(tick, 250);
// A link from the bridge's banner carries the token in the fragment (#token=…), which the browser
// never sends to the server: kept as a typed token is, then removed from the address bar and history.
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.get("token")) {
  token = fragment.get("token");
  store().setItem("biolight-token", token);
  history.replaceState(null, "", location.pathname + location.search);
}
if (token) void signIn(token, Boolean(localStorage.getItem("biolight-token")));
