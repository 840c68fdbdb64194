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
  let notFound = false;
  let surveyElements = null;
  let surveyShown = false;
  let pollTimer = null;
  let eventSource = null;
  // Keys of the texts that depend on what happened, kept so the language switch can show
  // them again in the other language.
  let connectionKey = "";
  let surveyMessage = { key: "", error: false, serverText: "" };

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
    setText("connection", connectionKey ? text(connectionKey) : "");
    renderSurveyMessage();
  }

  function setConnection(key) {
    connectionKey = key;
    setText("connection", key ? text(key) : "");
  }

  // A message from the server is already in the language of its request, so it stays as it is.
  function setSurveyMessage(key, error, serverText) {
    surveyMessage = { key: key, error: error, serverText: serverText || "" };
    renderSurveyMessage();
  }

  function renderSurveyMessage() {
    const message = byId("survey-message");
    message.className = surveyMessage.error ? "message error" : "message";
    message.textContent = surveyMessage.serverText || (surveyMessage.key ? text(surveyMessage.key) : "");
  }

  function renderNotFound() {
    setText("code", "—");
    setText("state", text("web.not_found"));
    byId("ticket").classList.add("ended");
  }

  function renderStatus() {
    if (notFound) {
      renderNotFound();
      return;
    }
    if (!status) return;
    if (status.next_ticket) {
      location.replace("/q/" + status.next_ticket.id + "?token=" + encodeURIComponent(status.next_ticket.token));
      return;
    }
    const card = byId("ticket");
    // A no-break space keeps "Meja 1" on one line when the call text wraps.
    const desk = status.desk ? status.desk.name.replace(/ /g, "\u00a0") : "";
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
      if (ahead > 1) setText("ahead", text("web.ahead", { count: ahead }));
      else setText("ahead", text(ahead === 1 ? "web.ahead_one" : "web.next"));
      const range = status.estimated_wait_range || { min: 0, max: 0 };
      // Word joiners (U+2060) keep "10–20" together: a line may otherwise break after the dash.
      const wait = text("web.wait_range", { min: range.min + "\u2060", max: "\u2060" + range.max });
      setText("wait", range.max > 0 ? wait : text("web.wait_soon"));
    } else {
      setText("ahead", "");
      setText("wait", "");
    }

    if (status.survey === "open" && !surveyShown) showSurvey();
    // Another page of the same ticket submitted the survey.
    if (status.survey === "answered" && surveyShown) showSurveyAnswered();
  }

  function showSurveyAnswered() {
    byId("survey-form").hidden = true;
    if (surveyMessage.key !== "web.survey.thanks") setSurveyMessage("web.survey.already_answered", false);
  }

  // Vibrates once when the ticket becomes called, not again on every later render.
  function updateStatus(next) {
    const wasCalled = status && status.state === "called";
    status = next;
    if (status.state === "called" && !wasCalled && navigator.vibrate) navigator.vibrate([300, 150, 300]);
    renderStatus();
  }

  // Creates one question of the survey with its answers on the 1-4 scale.
  function createQuestion(element, index, chosenValue, isMissing) {
    const fieldset = document.createElement("fieldset");
    fieldset.dataset.element = element.id;
    fieldset.classList.toggle("missing", isMissing);
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
      input.checked = chosenValue === input.value;
      label.appendChild(input);
      label.appendChild(document.createTextNode(answer[language]));
      fieldset.appendChild(label);
    });
    return fieldset;
  }

  // Rebuilds the form in the current language and keeps what the visitor already chose and
  // which questions are marked as unanswered.
  function renderSurvey() {
    const form = byId("survey-form");
    const chosen = new Map();
    for (const input of form.querySelectorAll("input[type=radio]:checked")) chosen.set(input.name, input.value);
    const missing = new Set();
    for (const fieldset of form.querySelectorAll("fieldset.missing")) missing.add(fieldset.dataset.element);
    const previousComment = form.querySelector("textarea");
    const commentText = previousComment ? previousComment.value : "";

    form.replaceChildren();
    surveyElements.forEach((element, index) => {
      form.appendChild(createQuestion(element, index, chosen.get(element.id), missing.has(element.id)));
    });

    const commentLabel = document.createElement("label");
    commentLabel.className = "comment";
    commentLabel.textContent = text("web.survey.comment");
    const comment = document.createElement("textarea");
    comment.name = "comment";
    comment.maxLength = 1000;
    comment.value = commentText;
    commentLabel.appendChild(comment);
    form.appendChild(commentLabel);

    const submit = document.createElement("button");
    submit.type = "submit";
    submit.className = "submit";
    submit.textContent = text("web.survey.submit");
    form.appendChild(submit);
  }

  async function fetchSurvey() {
    const response = await fetch(apiBase + "/survey" + query, { headers: { "Accept-Language": language } });
    if (!response.ok) throw new Error("survey request returned " + response.status);
    return response.json();
  }

  async function showSurvey() {
    surveyShown = true;
    try {
      const body = await fetchSurvey();
      if (body.state !== "open") return;
      surveyElements = body.elements;
    } catch (error) {
      // The next status update tries again.
      surveyShown = false;
      return;
    }
    renderSurvey();
    byId("survey").hidden = false;
  }

  async function submitSurvey(event) {
    event.preventDefault();
    const form = byId("survey-form");
    const scores = surveyElements.map((element) => {
      const checked = form.querySelector('input[name="' + element.id + '"]:checked');
      return checked ? Number(checked.value) : 0;
    });
    if (scores.includes(0)) {
      // Marks each unanswered question and moves to the first, which may be far up the page.
      surveyElements.forEach((element, index) => {
        const fieldset = form.querySelector('fieldset[data-element="' + element.id + '"]');
        fieldset.classList.toggle("missing", scores[index] === 0);
      });
      setSurveyMessage("web.survey.incomplete", true);
      form.querySelector("fieldset.missing input").focus();
      return;
    }
    const submit = form.querySelector(".submit");
    submit.disabled = true;
    try {
      const response = await fetch(apiBase + "/survey" + query, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": language },
        body: JSON.stringify({ scores: scores, comment: form.querySelector("textarea").value }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.status === 201) {
        setSurveyMessage("web.survey.thanks", false);
        form.hidden = true;
      } else if (response.status === 409 && (await fetchSurvey()).state === "answered") {
        showSurveyAnswered();
      } else {
        setSurveyMessage("web.offline", true, body.error ? body.error.message : "");
      }
    } catch (error) {
      setSurveyMessage("web.offline", true);
    } finally {
      submit.disabled = false;
    }
  }

  // A wrong token stays wrong, so the page stops asking: every further request would only
  // count as another guess against the server's rate limit.
  function stopUpdates() {
    if (eventSource) eventSource.close();
    eventSource = null;
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
  }

  async function fetchStatus() {
    try {
      const response = await fetch(apiBase + "/status" + query, { headers: { "Accept-Language": language } });
      if (response.status === 404) {
        notFound = true;
        stopUpdates();
        setConnection("");
        renderStatus();
        return;
      }
      if (!response.ok) throw new Error("status request returned " + response.status);
      const body = await response.json();
      setConnection("web.live");
      updateStatus(body.ticket);
    } catch (error) {
      setConnection("web.offline");
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
    eventSource = new EventSource(apiBase + "/events" + query);
    eventSource.addEventListener("status", (event) => {
      setConnection("web.live");
      updateStatus(JSON.parse(event.data));
    });
    eventSource.onopen = () => setConnection("web.live");
    // EventSource reconnects by itself; polling covers the time it is down.
    eventSource.onerror = () => {
      setConnection("web.offline");
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
    byId("survey-form").addEventListener("change", (event) => {
      const fieldset = event.target.closest("fieldset");
      if (fieldset) fieldset.classList.remove("missing");
      if (surveyMessage.key === "web.survey.incomplete" && !byId("survey-form").querySelector("fieldset.missing")) {
        setSurveyMessage("", false);
      }
    });
    try {
      strings = await (await fetch("/web/strings.json")).json();
    } catch (error) {
      // The page still shows codes and numbers without texts.
    }
    renderStatic();
    if (!ticketId) {
      notFound = true;
      renderStatus();
      return;
    }
    await fetchStatus();
    if (!notFound) startLiveUpdates();
  }

  start();
})();
