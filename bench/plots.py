"""PNG plots for docs/ (matplotlib, headless)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def grouped_bars(
    path: Path,
    *,
    title: str,
    groups: Sequence[str],
    series: Mapping[str, Sequence[float]],
    second_title: str | None = None,
    second: Mapping[str, float] | None = None,
    ylabel: str = "score",
) -> None:
    """Bars per metric (group) and system (series); optionally a second panel of plain bars."""
    panels = 2 if second else 1
    first_width = max(6.5, 0.35 * len(groups) * max(len(series), 1))
    fig, axes = plt.subplots(
        1,
        panels,
        figsize=(first_width + 5.5 * (panels - 1), 4.4),
        squeeze=False,
        width_ratios=[first_width, 5.5][:panels],
    )
    ax = axes[0][0]
    width = 0.8 / max(len(series), 1)
    crowded = len(series) > 3
    for i, (name, values) in enumerate(series.items()):
        xs = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
        bars = ax.bar(xs, values, width, label=name)
        ax.bar_label(
            bars, fmt="%.2f", fontsize=6 if crowded else 7, padding=1, rotation=90 if crowded else 0
        )
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.set_ylim(0, min(1.05, max((max(v) for v in series.values()), default=1) * 1.2))
    ax.legend(fontsize=8)
    if second:
        ax2 = axes[0][1]
        names = list(second)
        bars = ax2.bar(range(len(names)), [second[n] for n in names], color="tab:gray")
        bars[0].set_color("tab:blue")
        ax2.bar_label(bars, fmt="%.3f", fontsize=8, padding=1)
        ax2.set_xticks(range(len(names)), names, fontsize=7)
        ax2.set_ylim(0, 1.05)
        ax2.set_title(second_title or "")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def loglog_lines(
    path: Path,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    series: Mapping[str, Sequence[tuple[float, float]]],
    panels: Sequence[tuple[str, str, Mapping[str, Sequence[tuple[float, float]]]]] = (),
) -> None:
    """One line per system, log-log axes; extra panels as (title, ylabel, series)."""
    all_panels = [(title, ylabel, series), *panels]
    fig, axes = plt.subplots(
        1, len(all_panels), figsize=(5.5 * len(all_panels), 4.2), squeeze=False
    )
    palette = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for ax, (panel_title, panel_ylabel, panel_series) in zip(axes[0], all_panels, strict=True):
        colors: dict[str, str] = {}
        for name, points in panel_series.items():
            if not points:
                continue
            base = name.removesuffix(" p99")  # a p99 line shares its median's colour, dashed
            color = colors.setdefault(base, palette[len(colors) % len(palette)])
            xs, ys = zip(*sorted(points), strict=True)
            style = "--" if base != name else "-"
            ax.plot(xs, ys, marker="o", label=name, color=color, linestyle=style)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(xlabel)
        ax.set_ylabel(panel_ylabel)
        ax.set_title(panel_title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
