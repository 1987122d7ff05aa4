// The playground page: the channels, threads and forum of one of two servers, drawn from the server's own
// message objects as they arrive over a WebSocket. Nothing here hands a string to the HTML parser: every
// piece of text, the bot's or a user's, goes through textContent or Markdown (which builds
// nodes).
"use strict";

(() => {
  const { el } = Markdown;
  const $ = (id) => document.getElementById(id);
  const EPHEMERAL = 1 << 6;
  const LOADING = 1 << 7;
  const GROUP_MS = 7 * 60 * 1000;
  const AVATAR_COLOURS = ["#5865f2", "#757e8a", "#3ba55c", "#faa61a", "#ed4245"];
  const BUTTON_STYLES = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };
  const ATTACHMENT = 11; // a slash command option that takes a file
  const MAX_UPLOAD = 1000000; // bytes; the playground's own limit on an attached file

  let choiceTimer = null;
  const state = {
    hello: null,
    channel: null, // the channel shown: its id
    channels: new Map(), // id -> {id, name, type, topic, parent_id, server}: every server's
    replyTo: null, // the message the composer replies to
    speaker: localStorage.getItem("citebot-playground-as") || "member",
    server: localStorage.getItem("citebot-playground-server") || "",
    messages: new Map(), // every message of every channel, by id; the shown channel's are drawn
    file: null, // the file attached to the next message
    commands: [],
    command: null, // the slash command being composed
    choice: null, // the autocomplete choice picked for its option: {name, value}
    popup: [], // the rows shown above the composer
    selected: 0,
    lastAsked: 0,
    typingTimer: null,
    // Ephemeral messages dismissed in this tab: gone until it is closed, as on Discord.
    dismissed: new Set(storedList("citebot-playground-dismissed")),
  };

  function storedList(key) {
    try {
      const list = JSON.parse(sessionStorage.getItem(key) || "[]");
      return Array.isArray(list) ? list.map(String) : [];
    } catch (error) {
      return [];
    }
  }

  // --- people and names ----------------------------------------------------------
  const names = {
    userName: (id) => state.hello?.users[id]?.name || "unknown-user",
    roleName: (id) => state.hello?.roles[id] || "unknown-role",
    channelName: (id) => state.channels.get(id)?.name || "unknown",
  };

  function displayName(user) {
    const known = state.hello?.users[user.id];
    return known ? known.name : user.global_name || user.username;
  }

  function colourOf(value) {
    return value ? "#" + value.toString(16).padStart(6, "0") : "";
  }

  // Discord picks a default avatar from when the account was made; the playground's people
  // were all made in one millisecond, so the server gives each its own.
  function avatar(user, className) {
    const node = el("div", className || "avatar", displayName(user).slice(0, 1).toUpperCase());
    const given = state.hello?.users[user.id]?.avatar;
    const index = Number.isInteger(given) ? given : Number(BigInt(user.id) >> 22n);
    node.style.backgroundColor = AVATAR_COLOURS[index % AVATAR_COLOURS.length];
    node.setAttribute("aria-hidden", "true");
    return node;
  }

  function authorName(user) {
    const node = el("span", "author", displayName(user));
    const colour = colourOf(state.hello?.users[user.id]?.colour);
    if (colour) node.style.color = colour;
    return node;
  }

  function clock(iso) {
    const date = new Date(iso);
    const node = el("time", "message-time");
    node.dateTime = date.toISOString();
    node.title = date.toLocaleString("en", { dateStyle: "full", timeStyle: "short" });
    node.textContent = "Today at " + date.toLocaleTimeString("en", { timeStyle: "short" });
    return node;
  }

  // --- drawing text: a render error never hides a message ----------------------------
  // Markdown that cannot be drawn is shown as typed, and the error goes to the console.
  function report(error) {
    console.error("playground: shown as plain text after a render error:", error);
  }

  function rich(text) {
    try {
      return Markdown.render(text, names);
    } catch (error) {
      report(error);
      return el("div", "markdown plain", String(text ?? ""));
    }
  }

  function richInline(text, parent) {
    const built = document.createDocumentFragment();
    try {
      Markdown.inline(text, built, names);
    } catch (error) {
      report(error);
      built.replaceChildren(document.createTextNode(String(text ?? "")));
    }
    parent.appendChild(built);
  }

  // --- messages --------------------------------------------------------------------
  function snippet(message) {
    if (message.content) return message.content.replace(/\s+/g, " ").slice(0, 120);
    if (message.embeds && message.embeds.length) return "Click to see attachment";
    return "";
  }

  function replyContext(message) {
    const referenced = message.referenced_message;
    const interaction = message.interaction && message.interaction.type === 2 ? message.interaction : null;
    if (!referenced && !interaction) return null;
    const line = el("div", "reply-context");
    line.appendChild(el("span", "reply-spine"));
    if (referenced) {
      line.appendChild(avatar(referenced.author, "avatar tiny"));
      const who = authorName(referenced.author);
      who.textContent = "@" + who.textContent;
      line.appendChild(who);
      const text = el("span", "reply-snippet");
      richInline(snippet(referenced), text);
      line.appendChild(text);
      line.addEventListener("click", () => {
        const target = document.querySelector(`[data-id="${CSS.escape(referenced.id)}"]`);
        if (target) target.scrollIntoView({ behavior: "smooth", block: "center" });
      });
    } else {
      line.appendChild(avatar(interaction.user, "avatar tiny"));
      line.appendChild(authorName(interaction.user));
      line.appendChild(el("span", "reply-snippet", " used "));
      line.appendChild(el("span", "command-name", "/" + interaction.name));
    }
    return line;
  }

  function embedNode(embed) {
    const box = el("div", "embed");
    const colour = colourOf(embed.color);
    if (colour) box.style.borderLeftColor = colour;
    if (embed.author && embed.author.name) {
      box.appendChild(el("div", "embed-author", embed.author.name));
    }
    if (embed.title) {
      const url = embed.url && Markdown.safeUrl(embed.url);
      const title = el(url ? "a" : "div", "embed-title");
      if (url) {
        title.href = url;
        title.target = "_blank";
        title.rel = "noopener noreferrer nofollow";
      }
      richInline(embed.title, title);
      box.appendChild(title);
    }
    if (embed.description) {
      const description = rich(embed.description);
      description.classList.add("embed-description");
      box.appendChild(description);
    }
    if (embed.fields && embed.fields.length) {
      const fields = el("div", "embed-fields");
      for (const field of embed.fields) {
        const node = el("div", field.inline ? "embed-field inline" : "embed-field");
        const name = el("div", "embed-field-name");
        richInline(field.name, name);
        node.appendChild(name);
        const value = rich(field.value);
        value.classList.add("embed-field-value");
        node.appendChild(value);
        fields.appendChild(node);
      }
      box.appendChild(fields);
    }
    if ((embed.footer && embed.footer.text) || embed.timestamp) {
      const footer = el("div", "embed-footer");
      const parts = [];
      if (embed.footer && embed.footer.text) parts.push(embed.footer.text);
      if (embed.timestamp) parts.push(new Date(embed.timestamp).toLocaleString("en"));
      footer.textContent = parts.join(" \u2022 ");
      box.appendChild(footer);
    }
    return box;
  }

  function attachmentNode(file) {
    const size = Number(file.size || 0).toLocaleString("en");
    const node = el("div", "attachment");
    node.appendChild(el("span", "attachment-name", String(file.filename || "file")));
    node.appendChild(el("span", "attachment-size", ` ${size} bytes`));
    return node;
  }

  function componentsNode(message) {
    const rows = el("div", "components");
    for (const row of message.components || []) {
      const line = el("div", "action-row");
      for (const item of row.components || []) {
        if (item.type === 2) line.appendChild(buttonNode(message, item));
        else if ([3, 5, 6, 7, 8].includes(item.type)) line.appendChild(selectNode(message, item));
      }
      rows.appendChild(line);
    }
    return rows;
  }

  function buttonNode(message, item) {
    const style = BUTTON_STYLES[item.style] || "secondary";
    const url = item.style === 5 ? Markdown.safeUrl(item.url || "") : null;
    const node = el(url ? "a" : "button", "button " + style);
    if (item.emoji && item.emoji.name) node.appendChild(el("span", "emoji", item.emoji.name));
    if (item.label) node.appendChild(el("span", "label", item.label));
    if (url) {
      node.href = url;
      node.target = "_blank";
      node.rel = "noopener noreferrer nofollow";
      node.appendChild(el("span", "external", " \u2197"));
      return node;
    }
    node.type = "button";
    node.disabled = Boolean(item.disabled);
    node.addEventListener("click", () =>
      useComponent(message, node, { custom_id: item.custom_id }),
    );
    return node;
  }

  function selectNode(message, item) {
    const box = el("div", "select");
    const shown = el("button", "select-value", item.placeholder || "Make a selection");
    shown.type = "button";
    shown.disabled = Boolean(item.disabled);
    const list = el("div", "select-options");
    list.hidden = true;
    shown.addEventListener("click", () => {
      list.hidden = !list.hidden;
    });
    for (const option of item.options || []) {
      const row = el("button", "select-option");
      row.type = "button";
      row.appendChild(el("div", "select-label", option.label));
      if (option.description) row.appendChild(el("div", "select-description", option.description));
      row.addEventListener("click", () => {
        list.hidden = true;
        shown.textContent = option.label;
        useComponent(message, shown, { custom_id: item.custom_id, values: [option.value] });
      });
      list.appendChild(row);
    }
    box.appendChild(shown);
    box.appendChild(list);
    return box;
  }

  async function useComponent(message, node, data) {
    const item = messageNode(message.id);
    const old = item && item.querySelector(".interaction-failed");
    if (old) old.remove();
    node.classList.add("pending");
    const result = await api("/api/components", { message_id: message.id, ...data });
    node.classList.remove("pending");
    if (result.error && item) {
      item.querySelector(".message-body").appendChild(el("div", "interaction-failed", result.error));
    }
    if (result.modal) openForm(result.modal);
  }

  // A form (modal) the bot opened: its text inputs, Submit and Cancel, as Discord shows it.
  function formInputs(form) {
    const inputs = [];
    for (const row of form.components || []) {
      if (row.type === 18 && row.component) inputs.push({ ...row.component, label: row.label });
      for (const item of row.components || []) inputs.push(item);
    }
    return inputs;
  }

  function openForm(form) {
    const old = $("form-dialog");
    if (old) old.remove();
    const dialog = el("dialog", "form-dialog");
    dialog.id = "form-dialog";
    const box = el("form", "form-box");
    box.method = "dialog";
    box.appendChild(el("h2", "form-title", form.title || ""));
    const fields = [];
    for (const input of formInputs(form)) {
      const label = el("label", "form-label", input.label || "");
      const field = el(input.style === 2 ? "textarea" : "input", "form-input");
      field.dataset.customId = input.custom_id;
      if (input.max_length) field.maxLength = input.max_length;
      if (input.placeholder) field.placeholder = input.placeholder;
      field.required = input.required !== false;
      label.appendChild(field);
      box.appendChild(label);
      fields.push(field);
    }
    const error = el("div", "form-error");
    error.setAttribute("role", "alert");
    const buttons = el("div", "form-buttons");
    const cancel = el("button", "form-cancel", "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () => dialog.remove());
    const send = el("button", "form-submit", "Submit");
    send.type = "submit";
    buttons.append(cancel, send);
    box.append(error, buttons);
    box.addEventListener("submit", async (event) => {
      event.preventDefault();
      const values = {};
      for (const field of fields) values[field.dataset.customId] = field.value;
      const result = await api("/api/forms", { interaction_id: form.interaction_id, values });
      if (result.error) error.textContent = result.error;
      else dialog.remove();
    });
    dialog.appendChild(box);
    document.body.appendChild(dialog);
    dialog.showModal();
    if (fields[0]) fields[0].focus();
  }

  function messageNode(id) {
    return document.querySelector(`.message[data-id="${CSS.escape(id)}"]`);
  }

  function buildMessage(message) {
    const item = el("li", "message");
    item.dataset.id = message.id;
    item.dataset.channel = message.channel_id;
    item.dataset.author = message.author.id;
    item.dataset.time = String(Date.parse(message.timestamp));
    const flags = Number(message.flags || 0);
    const above = replyContext(message);
    if (above) {
      item.appendChild(above);
      item.classList.add("has-context");
    }
    item.appendChild(avatar(message.author));
    const body = el("div", "message-body");
    const header = el("div", "message-header");
    header.appendChild(authorName(message.author));
    if (message.author.bot) header.appendChild(el("span", "app-tag", "APP"));
    header.appendChild(clock(message.timestamp));
    body.appendChild(header);
    if (flags & LOADING) {
      body.appendChild(el("div", "thinking", `${displayName(message.author)} is thinking\u2026`));
    }
    if (message.content) {
      const content = rich(message.content);
      content.classList.add("message-content");
      if (message.edited_timestamp && !(message.interaction && !message.content)) {
        (content.lastElementChild || content).appendChild(el("span", "edited", " (edited)"));
      }
      body.appendChild(content);
    }
    for (const file of message.attachments || []) body.appendChild(attachmentNode(file));
    for (const embed of message.embeds || []) body.appendChild(embedNode(embed));
    if (message.components && message.components.length) {
      body.appendChild(componentsNode(message));
    }
    if (flags & EPHEMERAL) {
      const note = el("div", "ephemeral", "Only you can see this \u2022 ");
      const dismiss = el("button", "dismiss", "Dismiss message");
      dismiss.type = "button";
      dismiss.addEventListener("click", () => dismissMessage(message.id));
      note.appendChild(dismiss);
      body.appendChild(note);
      const invoker = message.interaction_metadata && message.interaction_metadata.user;
      if (invoker) item.dataset.onlyFor = invoker.id;
    }
    item.appendChild(body);
    item.appendChild(messageActions(message));
    return item;
  }

  // What a person may do with a message: reply, start a thread, the Apps menu's commands.
  function messageActions(message) {
    const bar = el("div", "message-actions");
    const channel = state.channels.get(message.channel_id);
    const action = (label, run) => {
      const button = el("button", "message-action", label);
      button.type = "button";
      button.addEventListener("click", run);
      bar.appendChild(button);
    };
    if (Number(message.flags || 0) & EPHEMERAL) return bar;
    action("Reply", () => startReply(message));
    if (channel && channel.type === 0) {
      action("Create thread", async () => {
        const name = snippet(message).slice(0, 40) || "Thread";
        const result = await api("/api/threads", { message_id: message.id, name });
        if (result.error) return showError(result.error);
        addChannel(result.thread);
        selectChannel(result.thread.id);
      });
    }
    for (const name of state.hello?.message_commands || []) {
      action(`Apps \u203a ${name}`, async () => {
        const result = await api("/api/message-commands", { message_id: message.id, name });
        showError(result.error);
      });
    }
    return bar;
  }

  function startReply(message) {
    state.replyTo = message;
    const bar = $("replying");
    bar.replaceChildren(el("span", "", `Replying to ${displayName(message.author)} `));
    const cancel = el("button", "reply-cancel", "\u2715");
    cancel.type = "button";
    cancel.setAttribute("aria-label", "Cancel reply");
    cancel.addEventListener("click", stopReply);
    bar.appendChild(cancel);
    bar.hidden = false;
    $("input").focus();
  }

  function stopReply() {
    state.replyTo = null;
    $("replying").hidden = true;
  }

  // --- channels, threads and the forum ----------------------------------------------
  function addChannel(channel) {
    // A thread is in its parent's server.
    const server = channel.server || state.channels.get(channel.parent_id)?.server || state.server;
    state.channels.set(channel.id, { ...channel, server });
    drawChannels();
  }

  function drawChannels() {
    const list = $("channel-list");
    list.replaceChildren(el("div", "channel-category", "Channels"));
    const all = [...state.channels.values()].filter((c) => c.server === state.server);
    for (const channel of all.filter((c) => !c.parent_id)) {
      list.appendChild(channelLink(channel, channel.type === 15 ? "\u{1F5E8}" : "#"));
      for (const thread of all.filter((c) => c.parent_id === channel.id)) {
        list.appendChild(channelLink(thread, "\u2514", "thread-link"));
      }
    }
  }

  function channelLink(channel, mark, extra) {
    const link = el("button", "channel-link" + (extra ? " " + extra : ""));
    link.type = "button";
    link.dataset.id = channel.id;
    link.classList.toggle("active", channel.id === state.channel);
    link.append(el("span", "hash", mark), el("span", "channel-link-name", channel.name));
    link.addEventListener("click", () => selectChannel(channel.id));
    return link;
  }

  function selectChannel(id) {
    const channel = state.channels.get(id);
    if (!channel) return;
    state.channel = id;
    stopReply();
    stopTyping();
    $("channel-name").textContent = channel.name;
    $("channel-topic").textContent = channel.topic || "";
    resetComposer();
    drawChannels();
    drawMessages();
    const list = $("messages");
    list.scrollTop = list.scrollHeight;
  }

  function placeholder() {
    const channel = state.channels.get(state.channel);
    if (!channel) return "Message";
    if (channel.type === 15) return `Start a post in ${channel.name}: ask a question`;
    return `Message ${channel.parent_id ? "" : "#"}${channel.name}`;
  }

  // The last resort when a message cannot be drawn at all: its author and text, plainly.
  function plainMessage(message) {
    const item = el("li", "message");
    item.dataset.id = String(message.id);
    const author = message.author || {};
    item.dataset.author = String(author.id);
    item.appendChild(el("div", "avatar", "?"));
    const body = el("div", "message-body");
    const header = el("div", "message-header");
    header.appendChild(el("span", "author", String(author.global_name || author.username || "")));
    body.appendChild(header);
    const texts = [message.content];
    for (const embed of message.embeds || []) {
      texts.push(embed.title, embed.description);
      for (const field of embed.fields || []) texts.push(field.name, field.value);
    }
    for (const text of texts) {
      if (text) body.appendChild(el("div", "markdown plain message-content", String(text)));
    }
    item.appendChild(body);
    const invoker = message.interaction_metadata?.user;
    if (Number(message.flags || 0) & EPHEMERAL && invoker) item.dataset.onlyFor = invoker.id;
    return item;
  }

  function groupWithPrevious(item) {
    const previous = item.previousElementSibling;
    const grouped =
      previous &&
      !item.classList.contains("has-context") &&
      previous.dataset.author === item.dataset.author &&
      Number(item.dataset.time) - Number(previous.dataset.time) < GROUP_MS;
    item.classList.toggle("grouped", Boolean(grouped));
  }

  function dismissMessage(id) {
    state.dismissed.add(String(id));
    sessionStorage.setItem("citebot-playground-dismissed", JSON.stringify([...state.dismissed]));
    remove(id);
  }

  function show(message) {
    if (state.dismissed.has(String(message.id))) return remove(message.id);
    const list = $("messages");
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
    let item;
    try {
      item = buildMessage(message);
    } catch (error) {
      report(error);
      item = plainMessage(message);
    }
    const existing = messageNode(message.id);
    if (existing) {
      existing.replaceWith(item);
    } else {
      list.appendChild(item);
    }
    groupWithPrevious(item);
    applyVisibility(item);
    if (message.author?.id === state.hello?.bot.id) stopTyping();
    if (nearBottom || message.author?.id === speakerId()) list.scrollTop = list.scrollHeight;
  }

  // A message shows in its channel; an ephemeral reply only to whose command it answers.
  function applyVisibility(item) {
    const elsewhere = state.channel && item.dataset.channel && item.dataset.channel !== state.channel;
    const hiddenFromSpeaker = item.dataset.onlyFor && item.dataset.onlyFor !== speakerId();
    item.hidden = Boolean(elsewhere || hiddenFromSpeaker);
  }

  function remove(id) {
    const node = messageNode(id);
    if (!node) return;
    const next = node.nextElementSibling;
    node.remove();
    if (next) groupWithPrevious(next);
  }

  // --- typing -------------------------------------------------------------------------
  function startTyping() {
    $("typing").textContent = `${state.hello.bot.name} is typing\u2026`;
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(stopTyping, 10000);
  }

  function stopTyping() {
    clearTimeout(state.typingTimer);
    $("typing").textContent = "";
  }

  // --- the live connection ----------------------------------------------------------
  function connect() {
    const socket = new WebSocket(`ws://${location.host}/api/events`);
    socket.addEventListener("open", () => setConnection("live"));
    socket.addEventListener("message", (raw) => {
      const event = JSON.parse(raw.data);
      if (event.type === "hello") welcome(event);
      else if (event.type === "create" || event.type === "update") arrived(event.message);
      else if (event.type === "delete") {
        state.messages.delete(String(event.id));
        remove(event.id);
      }
      else if (event.type === "typing" && event.channel_id === state.channel) startTyping();
      else if (event.type === "thread") addChannel(event.channel);
    });
    socket.addEventListener("close", () => {
      setConnection("reconnecting");
      setTimeout(connect, 1000);
    });
  }

  function setConnection(value) {
    const node = $("connection");
    node.dataset.state = value;
    node.textContent = value === "live" ? "live" : "reconnecting\u2026";
  }

  function welcome(hello) {
    state.hello = hello;
    state.messages.clear();
    state.channels = new Map((hello.channels || [hello.channel]).map((c) => [c.id, c]));
    if (!hello.servers.some((s) => s.key === state.server)) state.server = hello.servers[0].key;
    if (state.channels.get(state.channel)?.server !== state.server) {
      state.channel = currentServer().channel.id;
    }
    if (!hello.people.some((p) => p.key === state.speaker)) state.speaker = hello.people[0].key;
    drawServers();
    showServer();
    drawSwitch();
    clearFile();
    drawMembers();
    describeCooldown(hello.cooldown);
    loadCommands();
  }

  // --- servers: each with its channels; a message shows when its channel is the one on screen
  function currentServer() {
    return state.hello?.servers.find((s) => s.key === state.server);
  }

  function arrived(message) {
    state.messages.set(String(message.id), message);
    if (message.channel_id === state.channel) show(message);
  }

  // The channel on screen drawn afresh: its messages only, oldest first.
  function drawMessages() {
    $("messages").replaceChildren();
    const ids = [...state.messages.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    for (const id of ids) {
      const message = state.messages.get(id);
      if (message.channel_id === state.channel) show(message);
    }
  }

  // Icons in the column at the far left; on a narrow screen, named buttons in the sidebar.
  function drawServers() {
    for (const [box, label] of [["servers", initials], ["server-switch", (name) => name]]) {
      $(box).replaceChildren();
      for (const server of state.hello.servers) {
        const icon = el("button", "server-icon", label(server.name));
        icon.type = "button";
        icon.title = server.name;
        icon.dataset.server = server.key;
        icon.setAttribute("aria-label", server.name);
        icon.addEventListener("click", () => switchServer(server.key));
        $(box).appendChild(icon);
      }
    }
  }

  function initials(name) {
    return name.split(/\s+/).map((word) => word.slice(0, 1)).join("").slice(0, 2);
  }

  function switchServer(key) {
    if (key === state.server) return;
    state.server = key;
    localStorage.setItem("citebot-playground-server", key);
    state.channel = currentServer().channel.id;
    showServer();
    loadCommands();
  }

  // The server on screen: its icon lit, its name, its channels, and the channel shown.
  function showServer() {
    const server = currentServer();
    for (const icon of document.querySelectorAll(".server-icon")) {
      icon.classList.toggle("active", icon.dataset.server === server.key);
    }
    $("guild-name").textContent = server.name;
    selectChannel(state.channel);
  }

  function describeCooldown(cooldown) {
    const note = $("cooldown-note");
    if (!cooldown) return;
    const each = `${cooldown.rate} commands every ${cooldown.seconds} s`;
    if (cooldown.configured) {
      note.textContent = `Each person may run ${each}, as configured.`;
    } else {
      const [rate, seconds] = cooldown.server;
      note.textContent =
        `Here each person may run ${each}, to try things; ` +
        `on a server, ${rate} every ${seconds} s (cooldown_rate, cooldown_seconds).`;
    }
  }

  // --- who is speaking ---------------------------------------------------------------
  function speakerId() {
    return state.hello?.people.find((p) => p.key === state.speaker)?.id;
  }

  function drawSwitch() {
    const box = $("speaker-switch");
    box.replaceChildren();
    for (const person of state.hello.people) {
      const label = el("label", "speaker-option");
      const radio = el("input");
      radio.type = "radio";
      radio.name = "speaker";
      radio.value = person.key;
      radio.checked = person.key === state.speaker;
      radio.addEventListener("change", () => {
        state.speaker = person.key;
        localStorage.setItem("citebot-playground-as", person.key);
        document.querySelectorAll(".message").forEach(applyVisibility);
        clearFile();
        resetComposer();
        loadCommands();
      });
      label.appendChild(radio);
      label.appendChild(avatar({ id: person.id, username: person.label }, "avatar tiny"));
      label.appendChild(el("span", null, person.label));
      box.appendChild(label);
    }
  }

  function drawMembers() {
    const box = $("members");
    box.replaceChildren(el("div", "members-title", `Members \u2014 ${Object.keys(state.hello.users).length}`));
    const entries = Object.entries(state.hello.users).sort((a, b) => a[1].name.localeCompare(b[1].name));
    for (const [id, user] of entries) {
      const row = el("div", "member");
      row.appendChild(avatar({ id, username: user.name }, "avatar small"));
      const name = authorName({ id, username: user.name });
      row.appendChild(name);
      if (user.bot) row.appendChild(el("span", "app-tag", "APP"));
      box.appendChild(row);
    }
  }

  // --- the composer: messages, slash commands, autocomplete --------------------------
  async function api(path, body) {
    try {
      const response = await fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ as: state.speaker, server: state.server, ...body }),
      });
      return await response.json();
    } catch (error) {
      return { error: "The playground is not answering; is `citebot playground` still running?" };
    }
  }

  async function loadCommands() {
    const who = `as=${encodeURIComponent(state.speaker)}&server=${encodeURIComponent(state.server)}`;
    const response = await fetch(`/api/commands?${who}`);
    const data = await response.json();
    state.commands = data.commands || [];
  }

  function showError(text) {
    $("composer-error").textContent = text || "";
  }

  function resetComposer() {
    state.command = null;
    state.choice = null;
    $("input").value = "";
    fitComposer();
    if (state.hello) $("input").placeholder = placeholder();
    $("command-chip").hidden = true;
    clearFile();
    closePopup();
  }

  // --- attaching a file: offered to who may change articles (moderators and the owner)
  function speakerModerates() {
    return Boolean(state.hello?.people.find((p) => p.key === state.speaker)?.moderates);
  }

  function clearFile() {
    state.file = null;
    $("file").value = "";
    $("file-chip").hidden = true;
    $("attach").hidden = !speakerModerates();
  }

  function pickFile() {
    const file = $("file").files[0];
    if (!file) return clearFile();
    if (file.size > MAX_UPLOAD) {
      clearFile();
      return showError(`Files attached here are limited to ${MAX_UPLOAD.toLocaleString("en")} bytes.`);
    }
    state.file = file;
    const chip = $("file-chip");
    const remove = el("button", null, "\u00d7");
    remove.type = "button";
    remove.title = "Remove the file";
    remove.addEventListener("click", clearFile);
    chip.replaceChildren(el("span", null, file.name), remove);
    chip.hidden = false;
    $("input").focus();
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, data: String(reader.result).split(",")[1] || "" });
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  function firstOption(command) {
    return (command.options || []).find((o) => o.type !== 1 && o.type !== 2) || null;
  }

  function chooseCommand(command) {
    state.command = command;
    state.choice = null;
    const chip = $("command-chip");
    chip.replaceChildren(el("span", "chip-command", "/" + command.name));
    const option = firstOption(command);
    if (option) chip.appendChild(el("span", "chip-option", option.name));
    chip.hidden = false;
    $("input").value = "";
    closePopup();
    if (option) {
      $("input").placeholder = option.description || option.name;
      refreshChoices();
    } else {
      $("input").placeholder = "Press Enter to send";
    }
    $("input").focus();
  }

  function closePopup() {
    state.popup = [];
    $("popup").hidden = true;
    $("popup").replaceChildren();
  }

  function openPopup(title, rows) {
    state.popup = rows;
    state.selected = 0;
    const popup = $("popup");
    popup.replaceChildren(el("div", "popup-title", title));
    rows.forEach((row, index) => {
      const node = el("div", "popup-row");
      node.setAttribute("role", "option");
      node.appendChild(el("span", "popup-name", row.name));
      if (row.detail) node.appendChild(el("span", "popup-detail", row.detail));
      node.addEventListener("mousedown", (event) => {
        event.preventDefault();
        row.pick();
      });
      node.addEventListener("mouseenter", () => highlight(index));
      popup.appendChild(node);
    });
    popup.hidden = rows.length === 0;
    highlight(0);
  }

  function highlight(index) {
    state.selected = index;
    [...$("popup").querySelectorAll(".popup-row")].forEach((node, i) =>
      node.classList.toggle("selected", i === index),
    );
  }

  function suggestCommands(text) {
    const typed = text.slice(1).split(/\s/)[0].toLowerCase();
    if (/\s/.test(text)) return closePopup();
    const rows = state.commands
      .filter((c) => c.name.startsWith(typed))
      .map((c) => ({ name: "/" + c.name, detail: c.description, pick: () => chooseCommand(c) }));
    openPopup(`${state.hello.bot.name} \u2014 slash commands`, rows);
  }

  async function refreshChoices() {
    const command = state.command;
    const option = command && firstOption(command);
    if (!option) return;
    const typed = $("input").value;
    if (option.choices && option.choices.length) {
      const rows = option.choices
        .filter((c) => c.name.toLowerCase().includes(typed.toLowerCase()))
        .map((c) => ({ name: c.name, pick: () => pickChoice(c) }));
      return openPopup(option.name, rows);
    }
    if (!option.autocomplete) return closePopup();
    const asked = (state.lastAsked += 1);
    const result = await api("/api/autocomplete", {
      command: command.name,
      options: { [option.name]: typed },
      focused: option.name,
    });
    if (asked !== state.lastAsked || state.command !== command) return; // a newer question won
    if (result.error) return showError(result.error);
    const rows = (result.choices || []).map((c) => ({ name: c.name, pick: () => pickChoice(c) }));
    openPopup(rows.length ? option.name : `${option.name}: no matches`, rows);
  }

  function pickChoice(choice) {
    clearTimeout(choiceTimer);
    state.lastAsked += 1; // answers still on their way are for what was typed before
    state.choice = choice;
    $("input").value = choice.name;
    closePopup();
  }

  function optionValue(option, text) {
    if (option.type === 4) return Number.parseInt(text, 10);
    if (option.type === 10) return Number(text);
    if (option.type === 5) return ["true", "yes", "1"].includes(text.trim().toLowerCase());
    return text;
  }

  async function sendSlash(command, text, choice) {
    const option = firstOption(command);
    const options = {};
    if (option && option.type === ATTACHMENT) {
      if (!state.file) return showError(`${option.name}: attach a file with the + button first.`);
      options[option.name] = await readFile(state.file);
    } else if (option) {
      const value = choice ? choice.value : text.trim();
      if (value === "" && option.required) return showError(`${option.name} is required.`);
      if (value !== "") options[option.name] = choice ? value : optionValue(option, value);
    }
    resetComposer();
    const channel_id = state.channel;
    const result = await api("/api/slash", { command: command.name, options, channel_id });
    showError(result.error);
  }

  async function submit() {
    showError("");
    const input = $("input");
    const text = input.value;
    if (state.command) return sendSlash(state.command, text, state.choice);
    const typed = text.match(/^\/(\S+)(?:\s+([\s\S]*))?$/);
    const command = typed && state.commands.find((c) => c.name === typed[1].toLowerCase());
    if (command) return sendSlash(command, typed[2] || "", null);
    const attached = state.file;
    if (!text.trim() && !attached) return;
    const file = attached ? await readFile(attached) : undefined;
    input.value = "";
    fitComposer();
    closePopup();
    clearFile();
    const reply_to = state.replyTo ? state.replyTo.id : undefined;
    stopReply();
    const body = { content: text, channel_id: state.channel, reply_to, file };
    const result = await api("/api/messages", body);
    if (result.channel_id && result.channel_id !== state.channel) {
      // A forum post: its thread is where the conversation, and the answer, are.
      if (!state.channels.has(result.channel_id)) {
        const name = text.replace(/\s+/g, " ").trim().slice(0, 100);
        addChannel({ id: result.channel_id, name, type: 11, topic: null, parent_id: state.channel });
      }
      selectChannel(result.channel_id);
    }
    if (result.error) {
      input.value = text;
      showError(result.error);
    }
  }

  function fitComposer() {
    const input = $("input");
    input.style.height = "auto";
    input.style.height = input.scrollHeight + "px";
  }

  function onInput() {
    fitComposer();
    showError("");
    const text = $("input").value;
    if (state.command) {
      state.choice = null;
      clearTimeout(choiceTimer);
      choiceTimer = setTimeout(refreshChoices, 150);
    } else if (text.startsWith("/")) {
      suggestCommands(text);
    } else {
      closePopup();
    }
  }

  function onKey(event) {
    const rows = state.popup;
    if (rows.length && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((state.selected + step + rows.length) % rows.length);
    } else if (rows.length && (event.key === "Tab" || event.key === "Enter")) {
      event.preventDefault();
      rows[state.selected].pick();
    } else if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault(); // Enter sends, Shift+Enter starts a new line, as on Discord
      submit();
    } else if (event.key === "Escape") {
      closePopup();
    } else if (event.key === "Backspace" && state.command && $("input").value === "") {
      event.preventDefault();
      resetComposer();
    }
  }

  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  $("input").addEventListener("input", onInput);
  $("file").addEventListener("change", pickFile);
  $("input").addEventListener("keydown", onKey);
  $("input").addEventListener("blur", () => setTimeout(closePopup, 100));
  setInterval(() => Markdown.refreshRelative(document), 30000);
  connect();
  $("input").focus();
})();
