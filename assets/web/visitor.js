// The visitor's phone page: shows one ticket's place in the queue, updates it live from
// the ticket's event feed (or every 15 s where EventSource is missing), and offers the
// satisfaction survey once the service is done. Every text comes from /web/strings.json,
// which the server builds from the .po catalogue.
"use strict";

(function () {
  const POLL_MS = 15000;
  const ticketId = (location.pathname.match(/^\/q\/(\d+)/) || [])[1];
  const token = new URLSearchParams(location.search).get("token") || "";
  const apiBase = "/api/v1/tickets/" + ticketId;
  const query = "?token=" + encodeURIComponent(token);

  let strings = { id: {}, en: {} };
  let language = (navigator.language || "id").toLowerCase().startsWith("en") ? "en" : "id";
  let status = null;
  let surveyElements = null;
  let surveyShown = false;
  let pollTimer = null;

  const byId = (id) => document.getElementById(id);

  function text(key, params) {
    let value = strings[language][key] || strings.id[key] || key;
    for (const [name, replacement] of Object.entries(params || {})) {
      value = value.split("{" + name + "}").join(String(replacement));
    }
    return value;
  }

  function setText(id, value) {
    byId(id).textContent = value || "";
  }

  function renderStatic() {
    document.documentElement.lang = language;
    setText("office", strings.office_name ? strings.office_name[language] : "");
    setText("language", text("web.switch_language"));
    setText("ticket-label", text("web.ticket_label"));
    setText("free", text("web.free_of_charge"));
    setText("survey-title", text("web.survey.title"));
    setText("survey-intro", text("web.survey.intro"));
  }

  function renderStatus() {
    if (!status) return;
    if (status.next_ticket) {
      location.replace("/q/" + status.next_ticket.id + "?token=" + encodeURIComponent(status.next_ticket.token));
      return;
    }
    const card = byId("ticket");
    const desk = status.desk ? status.desk.name : "";
    setText("code", status.code);
    setText("area", status.area_name ? status.area_name[language] : status.area);
    card.classList.remove("ended");

    const call = byId("call");
    call.hidden = !(status.state === "called" || status.state === "serving");
    if (!call.hidden) {
      setText("call-text", text(status.state === "called" ? "web.go_to_desk" : "web.served_at_desk", { desk: desk }));
      setText("call-location", status.desk && status.desk.location ? status.desk.location : "");
    }

    let stateKey = "web.state." + status.state;
    if (status.state === "done" && status.outcome === "transferred") stateKey = "web.state.transferred";
    if (["no_show", "cancelled"].includes(status.state)) card.classList.add("ended");
    setText("state", text(stateKey));

    if (status.state === "waiting" && typeof status.position === "number") {
      const ahead = status.position - 1;
      setText("ahead", ahead > 0 ? text("web.ahead", { count: ahead }) : text("web.next"));
      const range = status.estimated_wait_range || { min: 0, max: 0 };
      setText("wait", range.max > 0 ? text("web.wait_range", { min: range.min, max: range.max }) : text("web.wait_soon"));
    } else {
      setText("ahead", "");
      setText("wait", "");
    }

    if (status.state === "called" && navigator.vibrate) navigator.vibrate([300, 150, 300]);
    if (status.survey === "open" && !surveyShown) showSurvey();
    if (status.survey === "answered") {
      byId("survey").hidden = !surveyShown;
      byId("survey-form").hidden = true;
    }
  }

  function renderSurvey() {
    const form = byId("survey-form");
    form.replaceChildren();
    surveyElements.forEach((element, index) => {
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = (index + 1) + ". " + element.question[language];
      fieldset.appendChild(legend);
      element.answers.forEach((answer, score) => {
        const label = document.createElement("label");
        label.className = "choice";
        const input = document.createElement("input");
        input.type = "radio";
        input.name = element.id;
        input.value = String(score + 1);
        label.appendChild(input);
        label.appendChild(document.createTextNode(answer[language]));
        fieldset.appendChild(label);
      });
      form.appendChild(fieldset);
    });
    const commentLabel = document.createElement("label");
    commentLabel.textContent = text("web.survey.comment");
    const comment = document.createElement("textarea");
    comment.name = "comment";
    comment.maxLength = 1000;
    commentLabel.appendChild(comment);
    form.appendChild(commentLabel);
    const submit = document.createElement("button");
    submit.type = "submit";
    submit.className = "submit";
    submit.textContent = text("web.survey.submit");
    form.appendChild(submit);
  }

  async function showSurvey() {
    surveyShown = true;
    const response = await fetch(apiBase + "/survey" + query, { headers: { "Accept-Language": language } });
    if (!response.ok) return;
    const body = await response.json();
    if (body.state !== "open") return;
    surveyElements = body.elements;
    renderSurvey();
    byId("survey").hidden = false;
  }

  async function submitSurvey(event) {
    event.preventDefault();
    const message = byId("survey-message");
    const scores = surveyElements.map((element) => {
      const checked = byId("survey-form").querySelector('input[name="' + element.id + '"]:checked');
      return checked ? Number(checked.value) : 0;
    });
    if (scores.includes(0)) {
      message.className = "message error";
      message.textContent = text("web.survey.incomplete");
      return;
    }
    const comment = byId("survey-form").querySelector("textarea").value;
    const response = await fetch(apiBase + "/survey" + query, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": language },
      body: JSON.stringify({ scores: scores, comment: comment }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 201) {
      message.className = "message";
      message.textContent = text("web.survey.thanks");
      byId("survey-form").hidden = true;
    } else {
      message.className = "message error";
      message.textContent = body.error ? body.error.message : text("web.offline");
    }
  }

  async function fetchStatus() {
    try {
      const response = await fetch(apiBase + "/status" + query, { headers: { "Accept-Language": language } });
      if (response.status === 404) {
        setText("state", text("web.not_found"));
        setText("code", "—");
        return;
      }
      const body = await response.json();
      status = body.ticket;
      setText("connection", text("web.live"));
      renderStatus();
    } catch (error) {
      setText("connection", text("web.offline"));
    }
  }

  function startPolling() {
    if (pollTimer === null) pollTimer = setInterval(fetchStatus, POLL_MS);
  }

  function startLiveUpdates() {
    if (!window.EventSource) {
      startPolling();
      return;
    }
    const source = new EventSource(apiBase + "/events" + query);
    source.addEventListener("status", (event) => {
      status = JSON.parse(event.data);
      setText("connection", text("web.live"));
      renderStatus();
    });
    source.onopen = () => setText("connection", text("web.live"));
    // EventSource reconnects by itself; polling covers the time it is down.
    source.onerror = () => {
      setText("connection", text("web.offline"));
      startPolling();
    };
  }

  async function start() {
    byId("language").addEventListener("click", () => {
      language = language === "id" ? "en" : "id";
      renderStatic();
      renderStatus();
      if (surveyElements) renderSurvey();
    });
    byId("survey-form").addEventListener("submit", submitSurvey);
    try {
      strings = await (await fetch("/web/strings.json")).json();
    } catch (error) {
      // The page still shows codes and numbers without texts.
    }
    renderStatic();
    if (!ticketId) {
      setText("state", text("web.not_found"));
      return;
    }
    await fetchStatus();
    startLiveUpdates();
  }

  start();
})();
