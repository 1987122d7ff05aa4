// The composer: a message (a reply, a file attached), or a slash command with its option,
// sent as the person speaking; Enter sends, as on Discord.

import { displayName } from "./people.js";
import {
  closePopup,
  firstOption,
  highlight,
  refreshChoicesSoon,
  suggestCommands,
} from "./slash-menu.js";
import { $, api, el, openChannel, showError, speakerModerates, state } from "./state.js";

const ATTACHMENT = 11; // a slash command option that takes a file
const MAX_UPLOAD = 1000000; // bytes; the playground's own limit on an attached file

export function resetComposer() {
  state.command = null;
  state.choice = null;
  $("input").value = "";
  fitComposer();
  if (state.hello) $("input").placeholder = placeholder();
  $("command-chip").hidden = true;
  clearFile();
  closePopup();
}

// The composer of the channel just shown: emptied when the channel changed, kept when redrawn.
export function composeIn(moved) {
  if (moved) return resetComposer();
  if (state.hello) $("input").placeholder = placeholder();
}

function placeholder() {
  const channel = state.channels.get(state.channel);
  if (!channel) return "Message";
  if (channel.type === 15) return `Start a post in ${channel.name}: ask a question`;
  return `Message ${channel.parent_id ? "" : "#"}${channel.name}`;
}

export function startReply(message) {
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

export function stopReply() {
  state.replyTo = null;
  $("replying").hidden = true;
}

// --- attaching a file: offered to who may change articles (moderators and the owner)
export function clearFile() {
  state.file = null;
  $("file").value = "";
  $("file-chip").hidden = true;
  $("attach").hidden = !speakerModerates();
}

export function pickFile() {
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

export async function submit() {
  showError("");
  const input = $("input");
  const text = input.value;
  if (!state.hello) return showError("Still connecting to the server: send again in a moment.");
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
    let thread = null;
    if (!state.channels.has(result.channel_id)) {
      const name = text.replace(/\s+/g, " ").trim().slice(0, 100);
      thread = { id: result.channel_id, name, type: 11, topic: null, parent_id: state.channel };
    }
    openChannel(result.channel_id, thread);
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

export function onInput() {
  fitComposer();
  showError("");
  const text = $("input").value;
  if (state.command) {
    state.choice = null;
    refreshChoicesSoon();
  } else if (text.startsWith("/")) {
    suggestCommands(text);
  } else {
    closePopup();
  }
}

export function onKey(event) {
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
