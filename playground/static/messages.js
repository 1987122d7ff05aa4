// The messages of the channel on screen: each drawn from the server's own message object,
// grouped under its author as Discord does, shown only to whom it is for, with what a
// person may do with it; and the bot's "is typing".

import { componentsNode } from "./components.js";
import { startReply } from "./composer.js";
import {
  attachmentNode,
  clock,
  embedNode,
  messageNode,
  replyContext,
  report,
  rich,
  snippet,
} from "./message-parts.js";
import { authorName, avatar, displayName } from "./people.js";
import { $, api, el, openChannel, showError, speakerId, state } from "./state.js";

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const GROUP_MS = 7 * 60 * 1000;

export function arrived(message) {
  state.messages.set(String(message.id), message);
  if (message.channel_id === state.channel) show(message);
}

// The channel on screen drawn afresh: its messages only, oldest first.
export function drawMessages() {
  $("messages").replaceChildren();
  const ids = [...state.messages.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  for (const id of ids) {
    const message = state.messages.get(id);
    if (message.channel_id === state.channel) show(message);
  }
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
      openChannel(result.thread.id, result.thread);
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
export function applyVisibility(item) {
  const elsewhere = state.channel && item.dataset.channel && item.dataset.channel !== state.channel;
  const hiddenFromSpeaker = item.dataset.onlyFor && item.dataset.onlyFor !== speakerId();
  item.hidden = Boolean(elsewhere || hiddenFromSpeaker);
}

export function remove(id) {
  const node = messageNode(id);
  if (!node) return;
  const next = node.nextElementSibling;
  node.remove();
  if (next) groupWithPrevious(next);
}

// --- typing -------------------------------------------------------------------------
export function startTyping() {
  $("typing").textContent = `${state.hello.bot.name} is typing\u2026`;
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(stopTyping, 10000);
}

export function stopTyping() {
  clearTimeout(state.typingTimer);
  $("typing").textContent = "";
}
