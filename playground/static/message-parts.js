// The parts of a message: its text (Markdown, which builds nodes), the line above a reply,
// its time, embeds and attached files. A render error never hides a message: Markdown that
// cannot be drawn is shown as typed, and the error goes to the console.

import { authorName, avatar, colourOf, names } from "./people.js";
import { el } from "./state.js";

// The drawn message of this id, if it is on screen.
export function messageNode(id) {
  return document.querySelector(`.message[data-id="${CSS.escape(id)}"]`);
}

export function clock(iso) {
  const date = new Date(iso);
  const node = el("time", "message-time");
  node.dateTime = date.toISOString();
  node.title = date.toLocaleString("en", { dateStyle: "full", timeStyle: "short" });
  node.textContent = "Today at " + date.toLocaleTimeString("en", { timeStyle: "short" });
  return node;
}

export function report(error) {
  console.error("playground: shown as plain text after a render error:", error);
}

export function rich(text) {
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

export function snippet(message) {
  if (message.content) return message.content.replace(/\s+/g, " ").slice(0, 120);
  if (message.embeds && message.embeds.length) return "Click to see attachment";
  return "";
}

export function replyContext(message) {
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

export function embedNode(embed) {
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

export function attachmentNode(file) {
  const size = Number(file.size || 0).toLocaleString("en");
  const node = el("div", "attachment");
  node.appendChild(el("span", "attachment-name", String(file.filename || "file")));
  node.appendChild(el("span", "attachment-size", ` ${size} bytes`));
  return node;
}
