// Biolight dashboard: talks to the control API with the bridge's token. No third-party code.
// Region names, colours and tips and the session cap come from the bridge (bootstrap.js).
const { regions, maxSessionSeconds } = window.BIOLIGHT;
const maxSessionMinutes = maxSessionSeconds / 60;
/** The history chart's span. */
const HISTORY_DAYS = 28;
const HISTORY_WEEKS = HISTORY_DAYS / 7;
const $ = (id) => document.getElementById(id);
const store = () => (localStorage.getItem("biolight-token") ? localStorage : sessionStorage);
let token = localStorage.getItem("biolight-token") ?? sessionStorage.getItem("biolight-token");
let panels = [];
let fetchedAt = 0;
let pollTimer;
/** The bridge's caution (GET /v1/caution): the version and text to acknowledge, and the gate's state. */
let caution;

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

function renderPanels() {
  const box = $("panels");
  box.replaceChildren(
    ...panels.map((p) => {
      const minutes = el("input", {
        type: "number",
        min: "1",
        max: String(Math.ceil(maxSessionMinutes)),
        placeholder: "min",
        "aria-label": `Minutes for ${p.name}`,
      });
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
          el("div", { class: "countdown", "data-countdown": p.id }, p.on ? mmss(p.remainingSeconds) : ""),
          p.on ? el("button", { class: "secondary", "data-stop": p.id, onclick: () => stop(p.id) }, "Stop") : "",
        ),
        el(
          "p",
          { class: "small" },
          p.on ? `${regions[p.region].displayName} session` : `Next plain "on" uses: ${regions[p.region].displayName}`,
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
}

function tick() {
  const elapsed = (Date.now() - fetchedAt) / 1000;
  for (const p of panels) {
    const node = document.querySelector(`[data-countdown="${p.id}"]`);
    if (node && p.on) node.textContent = mmss(Math.max(0, p.remainingSeconds - elapsed));
  }
}

function renderDose(dose) {
  $("dose").replaceChildren(
    ...Object.values(regions).map((r) => {
      const d = dose.regions[r.id];
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
    `Panel on-time: ${Math.round(dose.onSeconds24h / 60)} min used, ${Math.round(dose.remainingOnSeconds24h / 60)} min left in the last 24 hours.`;
}

const at = (iso) =>
  new Date(iso).toLocaleString([], { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** Why the household gate is closed, in words, from the bridge's caution status. */
function cautionWhy(c) {
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

/** Shows the caution whenever the bridge says it is not acknowledged, and the red-flag button when it is. */
function renderCaution(c) {
  caution = c;
  $("caution").hidden = c.acknowledged;
  $("red-flag").hidden = !c.acknowledged;
  if (c.acknowledged) return cautionError();
  const { title, why } = cautionWhy(c);
  $("caution-title").textContent = title;
  $("caution-why").textContent = why;
  $("caution-text").textContent = c.text;
}

function renderHistory(sessions) {
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
  $("history-title").textContent = `Last ${HISTORY_WEEKS} weeks`;
  $("history-chart").setAttribute("aria-label", `Sessions per day over the last ${HISTORY_WEEKS} weeks`);
  const minutes = sessions.reduce((a, s) => a + s.deliveredSeconds, 0) / 60;
  $("history-summary").textContent =
    `${sessions.length} sessions, ${Math.round(minutes)} minutes of light in ${HISTORY_WEEKS} weeks. Look for trends over weeks, not single days.`;
}

async function refresh() {
  try {
    const [p, d, c] = await Promise.all([api("/v1/panels"), api("/v1/dose"), api("/v1/caution")]);
    panels = p.body.panels;
    fetchedAt = Date.now();
    renderPanels();
    renderDose(d.body);
    if (c.ok) renderCaution(c.body);
  } catch (err) {
    if (err.status === 401) return signOut("The token is no longer accepted.");
  }
}

async function refreshSlow() {
  const [h, pairing] = await Promise.all([api(`/v1/history?days=${HISTORY_DAYS}`), api("/v1/pairing")]);
  renderHistory(h.body.sessions ?? []);
  if (pairing.ok) {
    $("qr").innerHTML = pairing.body.qrSvg;
    $("manual-code").textContent = pairing.body.manualPairingCode;
  }
}

async function start(panelId, region, minutes) {
  const body = { region, panelId, ...(minutes ? { seconds: Math.round(Number(minutes) * 60) } : {}) };
  const res = await api("/v1/sessions", { method: "POST", body: JSON.stringify(body) });
  if (res.ok) {
    const cut = res.body.adjustments.length
      ? ` (shortened: ${res.body.adjustments.map((a) => a.reason.toLowerCase().replaceAll("_", " ")).join(", ")})`
      : "";
    say(
      `Started ${regions[region].displayName} for ${mmss(res.body.session.seconds)}${cut}. ${regions[region].positioningTip} Pleasantly warm at most — stop if it feels hot.`,
    );
  } else {
    const e = res.body.error ?? {};
    const retry = e.retryAfterSeconds ? ` Try again in about ${Math.ceil(e.retryAfterSeconds / 60)} min.` : "";
    say(`Not started: ${e.message ?? e.code}.${retry}`, true);
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
  try {
    await api("/v1/panels");
  } catch (err) {
    return signOut(err.status === 401 ? "Wrong token: the bridge refused it." : "Cannot reach the bridge.");
  }
  (remember ? localStorage : store()).setItem("biolight-token", token);
  $("login").hidden = true;
  $("app").hidden = false;
  $("logout").hidden = false;
  $("login-error").hidden = true;
  await refresh();
  await refreshSlow();
  pollTimer = setInterval(refresh, 2000);
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
    body: JSON.stringify({ version: caution.version, source: "dashboard" }),
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
    say(`The red flag could not be recorded: ${res.body.error?.message ?? `HTTP ${res.status}`}. Switch the panel off at its plug.`, true);
  await refresh();
  $("caution").scrollIntoView?.({ block: "nearest" });
});
$("login-form").addEventListener("submit", (e) => {
  e.preventDefault();
  void signIn($("token").value.trim(), $("remember").checked);
});
$("logout").addEventListener("click", () => signOut());
setInterval(tick, 250);
if (token) void signIn(token, Boolean(localStorage.getItem("biolight-token")));
