// What the page knows (the server's hello, the channel shown, who is speaking, the messages
// seen), what every part of it shares to build nodes, how it asks the server, and what any
// part may ask of the page: to show an error, to open a channel. The other modules import
// downwards only (app, sidebar, messages, composer, slash menu, then the parts they draw).

export const { el } = Markdown;
export const $ = (id) => document.getElementById(id);

// The line under the composer that says what went wrong (empty: nothing did).
export function showError(text) {
  $("composer-error").textContent = text || "";
}

// Showing a channel is the sidebar's, which lists them: a part that starts a thread asks for
// it with this event (adding ``channel`` first when given), so that none imports the sidebar.
export const OPEN_CHANNEL = "citebot:open-channel";

export function openChannel(id, channel = null) {
  document.dispatchEvent(new CustomEvent(OPEN_CHANNEL, { detail: { id, channel } }));
}

export const state = {
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

export function currentServer() {
  return state.hello?.servers.find((s) => s.key === state.server);
}

export function speakerId() {
  return state.hello?.people.find((p) => p.key === state.speaker)?.id;
}

// Attaching a file is offered to who may change articles (moderators and the owner).
export function speakerModerates() {
  return Boolean(state.hello?.people.find((p) => p.key === state.speaker)?.moderates);
}

// --- asking the server: every request names who speaks, and in which server ------------
export async function api(path, body) {
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

let commandsAsked = 0; // the latest request, so that an older answer never overwrites a newer

export async function loadCommands() {
  const asked = ++commandsAsked;
  const who = `as=${encodeURIComponent(state.speaker)}&server=${encodeURIComponent(state.server)}`;
  const response = await fetch(`/api/commands?${who}`);
  const data = await response.json();
  if (asked === commandsAsked) state.commands = data.commands || [];
}
