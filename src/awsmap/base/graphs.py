"""A diagram as plain data: clusters of nodes and labelled edges.

Results that can be drawn (``stack``, ``architecture``) build a :class:`Graph`; the Mermaid and
Graphviz renderers draw any Graph, so neither knows about the other's results.
"""

from typing import NamedTuple


class Node(NamedTuple):
    id: str  # unique in the graph, made of letters, digits and underscores
    label: str
    retired: bool = False  # drawn as a service not to recommend today


class Cluster(NamedTuple):
    id: str
    title: str
    nodes: tuple[Node, ...]


class Edge(NamedTuple):
    source: str
    target: str
    label: str = ""
    dashed: bool = False  # a mapping between the two forms, not a data flow


class Graph(NamedTuple):
    clusters: tuple[Cluster, ...]
    edges: tuple[Edge, ...]
