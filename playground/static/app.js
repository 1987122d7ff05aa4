// The playground page: the channels, threads and forum of one of two servers, drawn from the server's own
// message objects as they arrive over a WebSocket. Nothing here hands a string to the HTML parser: every
// piece of text, the bot's or a user's, goes through textContent or Markdown (which builds
// nodes).
//
// This module keeps the live connection and wires the page; the others each hold one part:
// state.js (what the page knows, and its calls to the server), people.js (names, avatars),
// message-parts.js and messages.js (drawing messages), components.js (buttons, menus, forms),
// sidebar.js (servers, channels, speakers, members), composer.js and slash-menu.js (writing).

import { clearFile, onInput, onKey, pickFile, submit } from "./composer.js";
import { arrived, remove, startTyping } from "./messages.js";
import {
  addChannel,
  describeCooldown,
  drawMembers,
  drawServers,
  drawSwitch,
  showServer,
} from "./sidebar.js";
import { closePopup } from "./slash-menu.js";
import { $, currentServer, loadCommands, state } from "./state.js";

function connect() {
  const socket = new WebSocket(`ws://${location.host}/api/events`);
  // Live once the server has said who is who: a message sent before would have no channel.
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
  setConnection("live");
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
