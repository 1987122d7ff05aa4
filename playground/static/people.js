// Who is who: names for authors and mentions, their colours and default avatars.

import { el, state } from "./state.js";

const AVATAR_COLOURS = ["#5865f2", "#757e8a", "#3ba55c", "#faa61a", "#ed4245"];

export const names = {
  userName: (id) => state.hello?.users[id]?.name || "unknown-user",
  roleName: (id) => state.hello?.roles[id] || "unknown-role",
  channelName: (id) => state.channels.get(id)?.name || "unknown",
};

export function displayName(user) {
  const known = state.hello?.users[user.id];
  return known ? known.name : user.global_name || user.username;
}

export function colourOf(value) {
  return value ? "#" + value.toString(16).padStart(6, "0") : "";
}

// Discord picks a default avatar from when the account was made; the playground's people
// were all made in one millisecond, so the server gives each its own.
export function avatar(user, className) {
  const node = el("div", className || "avatar", displayName(user).slice(0, 1).toUpperCase());
  const given = state.hello?.users[user.id]?.avatar;
  const index = Number.isInteger(given) ? given : Number(BigInt(user.id) >> 22n);
  node.style.backgroundColor = AVATAR_COLOURS[index % AVATAR_COLOURS.length];
  node.setAttribute("aria-hidden", "true");
  return node;
}

export function authorName(user) {
  const node = el("span", "author", displayName(user));
  const colour = colourOf(state.hello?.users[user.id]?.colour);
  if (colour) node.style.color = colour;
  return node;
}
