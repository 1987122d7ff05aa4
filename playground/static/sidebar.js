// Around the chat: the servers, each with its channels, threads and forum; who is speaking
// (the page's people switch); the members list; and the cooldown the server keeps.

import { clearFile, composeIn, resetComposer, stopReply } from "./composer.js";
import { applyVisibility, drawMessages, stopTyping } from "./messages.js";
import { authorName, avatar } from "./people.js";
import { $, currentServer, el, loadCommands, OPEN_CHANNEL, state } from "./state.js";

// A thread started from a message or a forum post (``openChannel`` in state.js).
document.addEventListener(OPEN_CHANNEL, (event) => {
  const { id, channel } = event.detail;
  if (channel) addChannel(channel);
  selectChannel(id);
});

// --- channels, threads and the forum ----------------------------------------------
export function addChannel(channel) {
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

export function selectChannel(id) {
  const channel = state.channels.get(id);
  if (!channel) return;
  const moved = state.channel !== id;
  state.channel = id;
  stopTyping();
  $("channel-name").textContent = channel.name;
  $("channel-topic").textContent = channel.topic || "";
  // Drawn afresh in place (the server's hello, a reconnect), the channel keeps what is being written.
  if (moved) stopReply();
  composeIn(moved);
  drawChannels();
  drawMessages();
  const list = $("messages");
  list.scrollTop = list.scrollHeight;
}

// --- servers -------------------------------------------------------------------------
// Icons in the column at the far left; on a narrow screen, named buttons in the sidebar.
export function drawServers() {
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
  showServer(currentServer().channel.id);
  loadCommands();
}

// The server on screen: its icon lit, its name, its channels, and the channel shown.
export function showServer(channel = state.channel) {
  const server = currentServer();
  for (const icon of document.querySelectorAll(".server-icon")) {
    icon.classList.toggle("active", icon.dataset.server === server.key);
  }
  $("guild-name").textContent = server.name;
  selectChannel(channel);
}

export function describeCooldown(cooldown) {
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

// --- who is speaking, and who is here ------------------------------------------------
export function drawSwitch() {
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

export function drawMembers() {
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
