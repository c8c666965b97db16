"""Diagrams as text: Mermaid (renders on GitHub) and Graphviz DOT, from a result's ``graph()``.

Labels come from the data or the user, so both formats escape them: Mermaid labels are quoted
with ``"`` written as ``#quot;`` and line breaks as ``<br/>``; DOT labels are C-style strings.
Node ids are generated (letters, digits, underscores), never taken from input.
"""

from __future__ import annotations

import re
from typing import Any

from awsmap.base.graphs import Graph
from awsmap.base.text import safe

_MERMAID_UNSAFE = str.maketrans({'"': "#quot;", "<": "#lt;", ">": "#gt;", "|": "#124;"})


def graph(result: Any, fmt: str) -> str:
    drawn: Graph = result.graph()
    return mermaid(drawn) if fmt == "mermaid" else dot(drawn)


def _mermaid_label(text: str) -> str:
    lines = safe(text).translate(_MERMAID_UNSAFE).split("\n")
    return "<br/>".join(lines)


def mermaid(drawn: Graph) -> str:
    out = ["flowchart LR"]
    retired: list[str] = []
    for cluster in drawn.clusters:
        out.append(f'  subgraph {cluster.id}["{_mermaid_label(cluster.title)}"]')
        for node in cluster.nodes:
            out.append(f'    {node.id}["{_mermaid_label(node.label)}"]')
            if node.retired:
                retired.append(node.id)
        out.append("  end")
    for edge in drawn.edges:
        arrow = "-.->" if edge.dashed else "-->"
        label = f'|"{_mermaid_label(edge.label)}"|' if edge.label else ""
        out.append(f"  {edge.source} {arrow}{label} {edge.target}")
    if retired:
        out.append("  classDef retired fill:#fdd,stroke:#c00,stroke-dasharray: 5 5")
        out.append(f"  class {','.join(retired)} retired")
    return "\n".join(out) + "\n"


def _dot_string(text: str) -> str:
    escaped = safe(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"\n", r"\\n", escaped) + '"'


def dot(drawn: Graph) -> str:
    out = ["digraph awsmap {", "  rankdir=LR;", '  node [shape=box, style="rounded"];']
    for cluster in drawn.clusters:
        out.append(f"  subgraph cluster_{cluster.id} {{")
        out.append(f"    label={_dot_string(cluster.title)};")
        for node in cluster.nodes:
            style = ', style="rounded,dashed", color="red"' if node.retired else ""
            out.append(f"    {node.id} [label={_dot_string(node.label)}{style}];")
        out.append("  }")
    for edge in drawn.edges:
        attrs = [f"label={_dot_string(edge.label)}"] if edge.label else []
        if edge.dashed:
            attrs.append("style=dashed")
        suffix = f" [{', '.join(attrs)}]" if attrs else ""
        out.append(f"  {edge.source} -> {edge.target}{suffix};")
    out.append("}")
    return "\n".join(out) + "\n"
