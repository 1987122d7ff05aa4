// The components under a bot's message: buttons, select menus, and the forms (modals) a
// press may open, each sent back to the server as the interaction Discord would send.

import { messageNode } from "./message-parts.js";
import { $, api, el } from "./state.js";

const BUTTON_STYLES = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };

export function componentsNode(message) {
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
