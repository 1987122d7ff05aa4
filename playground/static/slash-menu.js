// The menu above the composer: slash commands as "/" is typed, then the choices for the
// chosen command's option (its fixed choices, or the bot's autocomplete as one types).

import { $, api, el, showError, state } from "./state.js";

let choiceTimer = null;

export function firstOption(command) {
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

export function closePopup() {
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

export function highlight(index) {
  state.selected = index;
  [...$("popup").querySelectorAll(".popup-row")].forEach((node, i) =>
    node.classList.toggle("selected", i === index),
  );
}

export function suggestCommands(text) {
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

// Ask for the option's choices again once typing pauses.
export function refreshChoicesSoon() {
  clearTimeout(choiceTimer);
  choiceTimer = setTimeout(refreshChoices, 150);
}
