"""Layout for the HTML view: drawn nodes and edges -> deterministic x, y positions.

Two layouts, both pure functions of their input, computed at export so that
the browser need not find them:

- `seed_positions`: the start of the physics layout. Every node hangs from
  one anchor (its admin parent, else the body it holds a post in, else the
  nearest placed neighbour), and each anchor's tree is drawn as a balloon:
  leaves on a sunflower disc around their anchor, subtrees on a ring
  outside it. The page then only polishes this for a few seconds, so a
  city's worth of news is laid out without minutes of physics.
- `tree_positions`: the admin hierarchy as an indented tree, levels left to
  right and one leaf a row.

>>> nodes = {"c": ("City", "郑州市"), "d": ("District", "中原区"), "s": ("StreetOffice", "秦岭路街道")}
>>> edges = [("d", "c", "containedInPlace"), ("s", "d", "containedInPlace")]
>>> sorted(tree_positions(nodes, edges).items())
[('c', (0, 0)), ('d', (240, 0)), ('s', (480, 0))]
>>> sorted(seed_positions(nodes, edges)) == ["c", "d", "s"]
True
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

KIND_ORDER = ("City", "District", "StreetOffice", "Town", "Community", "Village", "Organization", "Person", "Event", "Article")
HIERARCHY = ("containedInPlace", "parentOrganization", "jurisdiction")
POST = "post"  # relation of a person -> body edge drawn for a membership
SPACING = 70.0  # pixels between neighbouring leaves of the seed layout
GOLDEN = math.pi * (3 - math.sqrt(5))  # the sunflower's angle between consecutive leaves
TREE_DX, TREE_DY = 240, 56  # tree layout: pixels per level (left to right) and per leaf row

Nodes = Mapping[str, tuple[str, str]]  # node -> (class, label)
Edges = Iterable[tuple[str, str, str]]  # (from, to, relation)


def _key(nodes: Nodes, n: str) -> tuple[int, str, str]:
    kind, label = nodes[n]
    return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), label, n)


def _hierarchy_parents(nodes: Nodes, edges: Edges) -> dict[str, str]:
    """child -> parent over the hierarchy relations, first one per child, never closing a cycle."""
    parent: dict[str, str] = {}
    for u, v, rel in sorted(edges):
        if rel in HIERARCHY and u in nodes and v in nodes and u not in parent and u != v:
            up = v
            while up in parent and up != u:
                up = parent[up]
            if up != u:
                parent[u] = v
    return parent


def tree_positions(nodes: Nodes, edges: Edges) -> dict[str, tuple[int, int]]:
    """The admin hierarchy as an indented tree: every admin unit, and every body with a parent or a child.

    A unit whose parent is unknown starts a tree of its own, below the trees
    of higher rank.
    """
    parent = _hierarchy_parents(nodes, edges)
    admin = {n for n, (kind, _) in nodes.items() if kind in KIND_ORDER[:6]}
    members = admin | set(parent) | set(parent.values())
    children: dict[str, list[str]] = defaultdict(list)
    for c, p in parent.items():
        children[p].append(c)
    pos: dict[str, tuple[int, int]] = {}
    row = 0

    def place(n: str, depth: int) -> int:
        nonlocal row
        ys = [place(c, depth + 1) for c in sorted(children[n], key=lambda c: _key(nodes, c))]
        if ys:
            y = (ys[0] + ys[-1]) // 2
        else:
            y, row = row * TREE_DY, row + 1
        pos[n] = (depth * TREE_DX, y)
        return y

    for n in sorted((n for n in members if n not in parent), key=lambda n: _key(nodes, n)):
        place(n, 0)
    return pos


def anchors(nodes: Nodes, edges: Edges) -> dict[str, str]:
    """node -> the node it hangs from in the seed layout; roots have none. A forest over `nodes`.

    Admin parents come first (the trees under admin units), then a
    breadth-first walk over all edges from everything placed so far,
    visiting places before bodies, people, events and articles; what it
    cannot reach starts trees of its own, in the same order.
    """
    edges = sorted(edges)
    hier = _hierarchy_parents(nodes, edges)
    admin = set(KIND_ORDER[:6])

    def top(n: str) -> str:
        while n in hier:
            n = hier[n]
        return n

    parent = {c: p for c, p in hier.items() if nodes[top(c)][0] in admin}
    near: dict[str, set[str]] = defaultdict(set)
    for u, v, _ in edges:
        if u in nodes and v in nodes and u != v:
            near[u].add(v)
            near[v].add(u)
    placed = set(parent) | set(parent.values())
    for start in [None, *sorted(nodes, key=lambda n: _key(nodes, n))]:
        if start in placed:
            continue
        frontier = sorted(placed, key=lambda n: _key(nodes, n)) if start is None else [start]
        placed.update(frontier)
        while frontier:
            nxt = []
            for u in frontier:
                for v in sorted(near[u] - placed, key=lambda n: _key(nodes, n)):
                    parent[v] = u
                    placed.add(v)
                    nxt.append(v)
            frontier = nxt
    return parent


def seed_positions(nodes: Nodes, edges: Edges, spacing: float = SPACING) -> dict[str, tuple[int, int]]:
    """A balloon layout of the anchor forest: the biggest tree, and the others packed beside it.

    Each subtree is measured bottom-up as a circle (centre, radius) holding
    its anchor's leaf disc and its child subtrees' circles on a ring around
    it; the anchor need not sit at the centre, so a chain of anchors grows
    its circle by a sum, not a product, of radii.
    """
    parent = anchors(nodes, edges)
    children: dict[str, list[str]] = defaultdict(list)
    for c, p in parent.items():
        children[p].append(c)
    for p in children:
        children[p].sort(key=lambda c: _key(nodes, c))
    radius: dict[str, float] = {}  # of the subtree's circle
    offset: dict[str, tuple[float, float]] = {}  # of the anchor from its subtree's centre
    spokes: dict[str, list[tuple[str, float, float]]] = {}  # child subtree -> its centre, from the anchor
    roots = [n for n in nodes if n not in parent]
    for n in _post_order(children, roots):  # no recursion: a chain of anchors may be long
        leaves = [c for c in children[n] if not children[c]]
        subs = [c for c in children[n] if children[c]]
        disc = max(spacing * 0.6 * math.sqrt(len(leaves)) + spacing / 2, spacing / 2)
        circles = [(0.0, 0.0, disc)]
        if subs:
            total = sum(radius[c] for c in subs)
            ring = max(disc + max(radius[c] for c in subs), total / math.pi) + spacing / 3
            a, spokes[n] = 0.0, []
            for c in subs:
                a += math.pi * radius[c] / total
                spokes[n].append((c, ring * math.cos(a), ring * math.sin(a)))
                circles.append((ring * math.cos(a), ring * math.sin(a), radius[c]))
                a += math.pi * radius[c] / total
        cx = (min(x - r for x, _, r in circles) + max(x + r for x, _, r in circles)) / 2
        cy = (min(y - r for _, y, r in circles) + max(y + r for _, y, r in circles)) / 2
        radius[n] = max(math.hypot(x - cx, y - cy) + r for x, y, r in circles)
        offset[n] = (-cx, -cy)
    pos: dict[str, tuple[float, float]] = {}

    def place(root: str, x: float, y: float) -> None:
        stack = [(root, x, y)]
        while stack:
            n, cx, cy = stack.pop()
            x, y = cx + offset[n][0], cy + offset[n][1]
            pos[n] = (x, y)
            leaves = [c for c in children[n] if not children[c]]
            for k, c in enumerate(leaves, start=1):
                r, a = spacing * 0.6 * math.sqrt(k + 1), k * GOLDEN
                pos[c] = (x + r * math.cos(a), y + r * math.sin(a))
            stack.extend((c, x + dx, y + dy) for c, dx, dy in spokes.get(n, ()))

    # the biggest tree first, the others shelf-packed in a square block to its right
    roots.sort(key=lambda n: (-radius[n], _key(nodes, n)))
    left = 2 * radius[roots[0]] + spacing if roots else 0.0
    width = max([2 * radius[r] for r in roots[1:2]] + [math.sqrt(sum((2 * radius[r]) ** 2 for r in roots[1:]))])
    x = y = row_h = 0.0
    for i, r in enumerate(roots):
        d = 2 * radius[r]
        if i == 0:
            place(r, d / 2, d / 2)
            continue
        if x and x + d > width:
            x, y, row_h = 0.0, y + row_h + spacing / 3, 0.0
        place(r, left + x + d / 2, y + d / 2)
        x, row_h = x + d + spacing / 3, max(row_h, d)
    return {n: (round(px), round(py)) for n, (px, py) in pos.items()}


def _post_order(children: Mapping[str, list[str]], roots: list[str]) -> list[str]:
    out: list[str] = []
    stack = [(r, False) for r in roots]
    while stack:
        n, done = stack.pop()
        if done:
            out.append(n)
        else:
            stack.append((n, True))
            stack.extend((c, False) for c in children.get(n, ()))
    return out
