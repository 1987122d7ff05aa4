// Discord's message markdown, rendered by building DOM nodes. Text is only ever set with
// textContent or text nodes, never parsed as HTML, so a "<script>" in a question or an
// article stays visible text.
"use strict";

const Markdown = (() => {
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const SAFE_URL = /^https?:\/\/[^\s<>]+$/i;

  function safeUrl(url) {
    return SAFE_URL.test(url) ? url : null;
  }

  // A link's text is drawn without the link rules: links do not nest on Discord, and a
  // bare URL drawn with the rule that found it would match itself again, without end.
  function link(text, url, context) {
    const anchor = el("a", "link");
    anchor.href = url;
    anchor.target = "_blank";
    anchor.rel = "noopener noreferrer nofollow";
    inline(text, anchor, { ...context, inLink: true });
    return anchor;
  }

  // --- timestamps: <t:1700000000:R> ------------------------------------------------
  const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const UNITS = [
    ["year", 31536000], ["month", 2592000], ["day", 86400],
    ["hour", 3600], ["minute", 60], ["second", 1],
  ];

  function relative(seconds) {
    const delta = seconds - Date.now() / 1000;
    for (const [unit, size] of UNITS) {
      if (Math.abs(delta) >= size || unit === "second") {
        return RELATIVE.format(Math.round(delta / size), unit);
      }
    }
    return "";
  }

  const STYLES = {
    t: { timeStyle: "short" },
    T: { timeStyle: "medium" },
    d: { dateStyle: "short" },
    D: { dateStyle: "long" },
    f: { dateStyle: "long", timeStyle: "short" },
    F: { dateStyle: "full", timeStyle: "short" },
  };

  // A time no date can hold (past the year 275760) is shown as typed.
  function timestamp(seconds, style, typed) {
    const date = new Date(seconds * 1000);
    if (Number.isNaN(date.getTime())) return document.createTextNode(typed);
    const node = el("time", "timestamp-mention");
    node.dateTime = date.toISOString();
    node.title = date.toLocaleString("en", { dateStyle: "full", timeStyle: "short" });
    if (style === "R") {
      node.dataset.relative = String(seconds);
      node.textContent = relative(seconds);
    } else {
      node.textContent = date.toLocaleString("en", STYLES[style] || STYLES.f);
    }
    return node;
  }

  function refreshRelative(root) {
    for (const node of root.querySelectorAll("time[data-relative]")) {
      node.textContent = relative(Number(node.dataset.relative));
    }
  }

  // A short code span without spaces (a slug, a command) is kept on one line, as a word is;
  // a longer one may wrap anywhere, so that it never widens the message.
  const WORD_SPAN = /^\S{1,32}$/;
  function codeSpan(text) {
    return el("code", WORD_SPAN.test(text) ? "inline-code word" : "inline-code", text);
  }

  // --- inline rules, tried at each position; the earliest match wins -------------
  const RULES = [
    { re: /\\([!-\/:-@\[-`{-~])/y, make: (m) => document.createTextNode(m[1]) },
    { re: /(`+)([\s\S]*?[^`])\1(?!`)/y, make: (m) => codeSpan(m[2].trim() || m[2]) },
    { re: /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y, make: (m) => timestamp(Number(m[1]), m[2] || "f", m[0]) },
    { re: /\*\*([\s\S]+?)\*\*(?!\*)/y, wrap: "strong" },
    { re: /__([\s\S]+?)__(?!_)/y, wrap: "u" },
    { re: /\*(?=\S)([\s\S]*?\S)\*(?!\*)/y, wrap: "em" },
    { re: /_([\s\S]+?)_(?![_\w])/y, wrap: "em" },
    { re: /~~([\s\S]+?)~~/y, wrap: "s" },
    { re: /\|\|([\s\S]+?)\|\|/y, wrap: "span", className: "spoiler" },
    { re: /<@!?(\d+)>/y, make: (m, c) => mention("@" + c.userName(m[1])) },
    { re: /<@&(\d+)>/y, make: (m, c) => mention("@" + c.roleName(m[1])) },
    { re: /<#(\d+)>/y, make: (m, c) => mention("#" + c.channelName(m[1])) },
    { re: /@(everyone|here)\b/y, make: (m) => mention("@" + m[1]) },
    {
      re: /\[([^\[\]\n]+)\]\(<?(https?:\/\/[^\s<>()]+)>?\)/y,
      make: (m, c) => link(m[1], m[2], c),
      link: true,
    },
    { re: /<(https?:\/\/[^\s<>]+)>/y, make: (m, c) => link(m[1], m[1], c), link: true },
    {
      re: /https?:\/\/[^\s<>]+[^\s<>.,:;"')\]]/y,
      make: (m, c) => link(m[0], m[0], c),
      link: true,
    },
  ];
  const STARTS = /[\\`<*_~|\[@h]/g;

  function mention(text) {
    return el("span", "mention", text);
  }

  function inline(text, parent, context) {
    let plain = "";
    let index = 0;
    const flush = () => {
      if (plain) parent.appendChild(document.createTextNode(plain));
      plain = "";
    };
    while (index < text.length) {
      STARTS.lastIndex = index;
      const next = STARTS.exec(text);
      if (!next) break;
      plain += text.slice(index, next.index);
      index = next.index;
      let matched = false;
      for (const rule of RULES) {
        if (rule.link && context?.inLink) continue;
        rule.re.lastIndex = index;
        const m = rule.re.exec(text);
        if (!m) continue;
        flush();
        if (rule.wrap) {
          const node = el(rule.wrap, rule.className);
          inline(m[1], node, context);
          parent.appendChild(node);
        } else {
          parent.appendChild(rule.make(m, context));
        }
        index += m[0].length;
        matched = true;
        break;
      }
      if (!matched) {
        plain += text[index];
        index += 1;
      }
    }
    plain += text.slice(index);
    flush();
  }

  function lines(text, parent, context) {
    text.split("\n").forEach((line, i) => {
      if (i > 0) parent.appendChild(document.createElement("br"));
      inline(line, parent, context);
    });
  }

  // --- blocks: code fences, quotes, headings, lists, subtext ------------------------
  function render(text, context) {
    const root = el("div", "markdown");
    const all = String(text || "").split("\n");
    let paragraph = [];
    const endParagraph = () => {
      if (paragraph.length) {
        const block = el("div", "md-text");
        lines(paragraph.join("\n"), block, context);
        root.appendChild(block);
      }
      paragraph = [];
    };
    for (let i = 0; i < all.length; i += 1) {
      const line = all[i];
      const fence = line.match(/^```([\w+-]*)\s*(.*)$/);
      if (fence) {
        const body = [];
        let rest = fence[2];
        if (rest.endsWith("```")) {
          body.push(rest.slice(0, -3));
        } else {
          if (rest) body.push(rest);
          i += 1;
          while (i < all.length && !all[i].trimEnd().endsWith("```")) {
            body.push(all[i]);
            i += 1;
          }
          if (i < all.length) {
            const last = all[i].trimEnd().slice(0, -3);
            if (last) body.push(last);
          }
        }
        endParagraph();
        const pre = el("pre", "code-block");
        pre.appendChild(el("code", null, body.join("\n")));
        root.appendChild(pre);
        continue;
      }
      if (line.startsWith(">>> ")) {
        endParagraph();
        const quote = el("blockquote");
        lines([line.slice(4), ...all.slice(i + 1)].join("\n"), quote, context);
        root.appendChild(quote);
        break;
      }
      if (line.startsWith("> ") || line === ">") {
        endParagraph();
        const quoted = [];
        while (i < all.length && (all[i].startsWith("> ") || all[i] === ">")) {
          quoted.push(all[i].slice(2));
          i += 1;
        }
        i -= 1;
        const quote = el("blockquote");
        lines(quoted.join("\n"), quote, context);
        root.appendChild(quote);
        continue;
      }
      const heading = line.match(/^(#{1,3}) (.+)$/);
      if (heading) {
        endParagraph();
        const node = el("h" + (heading[1].length + 2), "md-heading");
        inline(heading[2], node, context);
        root.appendChild(node);
        continue;
      }
      const subtext = line.match(/^-# (.+)$/);
      if (subtext) {
        endParagraph();
        const node = el("small", "md-subtext");
        inline(subtext[1], node, context);
        root.appendChild(node);
        continue;
      }
      const item = line.match(/^\s*[-*] (.+)$/);
      if (item) {
        endParagraph();
        let list = root.lastChild;
        if (!list || list.tagName !== "UL") list = root.appendChild(el("ul"));
        const li = el("li");
        inline(item[1], li, context);
        list.appendChild(li);
        continue;
      }
      paragraph.push(line);
    }
    endParagraph();
    return root;
  }

  return { render, inline, refreshRelative, safeUrl, el };
})();
