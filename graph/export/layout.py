"""Layout for the HTML view: drawn nodes and edges -> deterministic x, y positions.

Two layouts, both pure functions of their input, computed at export so that
the browser need not find them:

- `seed_positions`: the start of the physics layout. Every node hangs from
  one anchor (its admin parent, else the body it holds a post in, else the
  nearest placed neighbour), and each anchor's tree is drawn as a balloon:
  leaves on a sunflower disc around their anchor, subtrees on a ring
  outside it. The page then only polishes this for a few seconds, so a
  city's worth of news is laid out without minutes of physics.
- `tree_positions`: the admin hierarchy as a tree, levels left to right and
  one leaf a row, its branches flowed into columns so that it fills a
  landscape window.

>>> nodes = {"c": ("City", "郑州市"), "d": ("District", "中原区"), "s": ("StreetOffice", "秦岭路街道")}
>>> edges = [("d", "c", "containedInPlace"), ("s", "d", "containedInPlace")]
>>> sorted(tree_positions(nodes, edges).items())
[('c', (0, 0)), ('d', (190, 0)), ('s', (380, 0))]
>>> sorted(seed_positions(nodes, edges)) == ["c", "d", "s"]
True
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

KIND_ORDER = ("City", "District", "StreetOffice", "Town", "Community", "Village", "Organization", "Person", "Event", "Article")
HIERARCHY = ("containedInPlace", "parentOrganization", "jurisdiction")
POST = "post"  # relation of a person -> body edge drawn for a membership
SPACING = 70.0  # pixels between neighbouring leaves of the seed layout
GOLDEN = math.pi * (3 - math.sqrt(5))  # the sunflower's angle between consecutive leaves
TREE_DX, TREE_DY = 190, 50  # tree layout: pixels per level (left to right) and per leaf row (a node and its label)
TREE_ASPECT = 1.4  # width / height the tree layout aims at: a landscape window beside the side panel

Nodes = Mapping[str, tuple[str, str]]  # node -> (class, label)
Edges = Iterable[tuple[str, str, str]]  # (from, to, relation), in any order; read more than once unless a one-shot iterator


_RANK = {kind: i for i, kind in enumerate(KIND_ORDER)}


def _keys(nodes: Nodes) -> Callable[[str], int]:
    """The nodes' order (class, label, id) as a sort key: each node's place in it, worked out once.

    A whole number sorts faster than the (class, label, id) it stands for,
    and takes less room; the ids are unique, so the order is the same.
    """
    rank = len(KIND_ORDER)
    order = sorted(nodes, key=lambda n: (_RANK.get(nodes[n][0], rank), nodes[n][1], n))
    return {n: i for i, n in enumerate(order)}.__getitem__


def _children(key: Callable[[str], int], parent: Mapping[str, str]) -> defaultdict[str, list[str]]:
    """node -> its children in a forest given as child -> parent, each list in the nodes' order (`key`)."""
    children: defaultdict[str, list[str]] = defaultdict(list)
    for c, p in parent.items():
        children[p].append(c)
    for p in children:
        children[p].sort(key=key)
    return children


def _hierarchy_parents(nodes: Nodes, edges: Edges) -> dict[str, str]:
    """child -> parent over the hierarchy relations, first one per child, never closing a cycle."""
    parent: dict[str, str] = {}
    for u, v, _ in sorted(e for e in edges if e[2] in HIERARCHY):
        if u in nodes and v in nodes and u not in parent and u != v:
            up = v
            while up in parent and up != u:
                up = parent[up]
            if up != u:
                parent[u] = v
    return parent


def tree_positions(nodes: Nodes, edges: Edges, aspect: float = TREE_ASPECT) -> dict[str, tuple[int, int]]:
    """The administrative hierarchy as a left-to-right tree shaped to fill a landscape canvas.

    Only administrative units take part (bodies and people keep to the free
    layout). Each unit is one level right of its parent (city, district,
    street office or town, community or village), one leaf a row, a parent
    level with the middle of its children. A tree too tall for a canvas
    `aspect` times as wide as high is cut below its root: the root stays on
    the left, and its children's subtrees (the districts of a city) flow
    down columns side by side, like the columns of a newspaper page, the
    number of columns chosen so that the whole is about `aspect` times as
    wide as high. A unit whose parent is unknown starts a tree of its own,
    after the trees of higher rank.
    """
    admin = {n: unit for n, unit in nodes.items() if unit[0] in KIND_ORDER[:6]}
    parent = _hierarchy_parents(admin, edges)
    key = _keys(admin)
    children = _children(key, parent)
    roots = sorted((n for n in admin if n not in parent), key=key)
    if not roots:
        return {}
    rows: dict[str, int] = {}  # leaves under a node: the rows its subtree takes
    depth: dict[str, int] = {}  # levels below a node
    for n in _post_order(children, roots):
        rows[n] = sum(rows[c] for c in children[n]) or 1
        depth[n] = 1 + max((depth[c] for c in children[n]), default=0)
    hubs, flow = _best_flow(roots, children, rows, depth, aspect)
    pos: dict[str, tuple[int, int]] = {}
    x0 = TREE_DX if hubs else 0
    for col in flow:
        row = 0
        for b in col:
            _place_tree(b, children, x0, row, pos)
            row += rows[b] + 1  # a blank row between trees
        x0 += round((max(depth[b] for b in col) + 0.5) * TREE_DX)
    last = -TREE_DY
    for h in hubs:  # level with the middle of its children, and never on another root
        ys = sorted(pos[c][1] for c in children[h])
        y = max((ys[0] + ys[-1]) // 2, last + TREE_DY)
        pos[h] = (0, y)
        last = y
    return pos


def _best_flow(
    roots: list[str], children: Mapping[str, list[str]], rows: Mapping[str, int], depth: Mapping[str, int], aspect: float
) -> tuple[list[str], list[list[str]]]:
    """(hubs, columns of blocks) of the column height whose layout is nearest `aspect`, the least such height.

    Each height from 1 row up to all the rows is tried in turn: roots taller
    than it are hubs (their children flow instead), the blocks flow down
    columns of at most that many rows. Heights that give the same hubs and
    columns as the one below give the same fit, which never replaces it, so
    they are skipped: the next height tried is the least that ends a column
    elsewhere or lets a hub go.
    """
    best: tuple[float, list[str], list[list[str]]] | None = None
    gaps = sum(len(children[r]) for r in roots) + len(roots)  # at most one blank row per tree
    height, last = 1, sum(rows[r] for r in roots) + gaps  # rows a column may hold: each from 1 to `last`
    hubs: list[str] | None = None
    while height <= last:
        now = [r for r in roots if rows[r] > height and children[r]]
        if hubs is None or len(now) != len(hubs):  # hubs only ever leave: the same number, the same hubs
            hubs = now
            blocks = [b for r in roots for b in (children[r] if r in hubs else [r])]
            ends, deepest = _prefixes(blocks, rows, depth)
        cols, cut = _columns(ends, height)
        width = (1 if hubs else 0) + sum(deepest(i, j) + 0.5 for i, j in cols)
        tall = max(ends[j] - ends[i] - 1 for i, j in cols)
        fit = abs(math.log(width * TREE_DX / (tall * TREE_DY) / aspect))
        if best is None or fit < best[0] - 1e-9:
            best = (fit, hubs, [blocks[i:j] for i, j in cols])
        height = int(min(cut, *(rows[h] for h in hubs), last + 1))  # cut is infinite for one column
    assert best is not None
    return best[1], best[2]


def _prefixes(
    blocks: list[str], rows: Mapping[str, int], depth: Mapping[str, int]
) -> tuple[list[int], Callable[[int, int], int]]:
    """Rows the blocks before each take, a blank row after each (the column of blocks i..j-1 takes ends[j] - ends[i] - 1),
    and the deepest of blocks i..j-1 (from counts of blocks at least each depth deep)."""
    ends = [0]
    for b in blocks:
        ends.append(ends[-1] + rows[b] + 1)
    levels = sorted({depth[b] for b in blocks}, reverse=True)
    counts = {d: list(itertools.accumulate((depth[b] >= d for b in blocks), initial=0)) for d in levels}

    def deepest(i: int, j: int) -> int:
        return next(d for d in levels if counts[d][j] > counts[d][i])

    return ends, deepest


def _columns(ends: list[int], height: int) -> tuple[list[tuple[int, int]], int | float]:
    """The blocks in order down columns of at most `height` rows, each column (i, j) holding blocks i..j-1 (a
    block taller than `height` alone); and the least height that would end some column later (infinity for one column)."""
    cols: list[tuple[int, int]] = []
    cut: int | float = math.inf
    i, n = 0, len(ends) - 1
    while i < n:
        j = max(i + 1, bisect.bisect_right(ends, ends[i] + height + 1) - 1)
        if j < n:
            cut = min(cut, ends[j + 1] - ends[i] - 1)
        cols.append((i, j))
        i = j
    return cols, cut


def _place_tree(root: str, children: Mapping[str, list[str]], x0: int, row0: int, pos: dict[str, tuple[int, int]]) -> None:
    """An indented tree from `root`: levels TREE_DX apart from x0, one leaf a row from row0."""
    row = row0
    stack: list[tuple[str, int, bool]] = [(root, 0, False)]
    while stack:  # post-order without recursion: a parent is placed once its children are
        n, level, done = stack.pop()
        kids = children.get(n, [])
        if not kids:
            pos[n] = (x0 + level * TREE_DX, row * TREE_DY)
            row += 1
        elif done:
            ys = [pos[c][1] for c in kids]
            pos[n] = (x0 + level * TREE_DX, (ys[0] + ys[-1]) // 2)
        else:
            stack.append((n, level, True))
            stack.extend((c, level + 1, False) for c in reversed(kids))


def anchors(nodes: Nodes, edges: Edges, key: Callable[[str], int] | None = None) -> dict[str, str]:
    """node -> the node it hangs from in the seed layout; roots have none. A forest over `nodes`.

    Admin parents come first (the trees under admin units), then a
    breadth-first walk over all edges from everything placed so far,
    visiting places before bodies, people, events and articles; what it
    cannot reach starts trees of its own, in the same order. `key`: the
    nodes' order, if already worked out (`_keys`).
    """
    if iter(edges) is edges:  # a one-shot iterator: read twice below
        edges = list(edges)
    hier = _hierarchy_parents(nodes, edges)
    admin = set(KIND_ORDER[:6])

    def top(n: str) -> str:
        while n in hier:
            n = hier[n]
        return n

    parent = {c: p for c, p in hier.items() if nodes[top(c)][0] in admin}
    # lists, not sets: a node has few neighbours, and a set is 4 times a list; in the edges' order, which is never read
    near: dict[str, list[str]] = defaultdict(list)
    for u, v, _ in edges:
        if u in nodes and v in nodes and u != v:
            near[u].append(v)
            near[v].append(u)
    placed = set(parent) | set(parent.values())
    key = key or _keys(nodes)
    for start in [None, *sorted(nodes, key=key)]:
        if start in placed:
            continue
        frontier = sorted(placed, key=key) if start is None else [start]
        placed.update(frontier)
        while frontier:
            nxt = []
            for u in frontier:
                for v in sorted(set(near.get(u, ())) - placed, key=key):
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
    key = _keys(nodes)
    parent = anchors(nodes, edges, key)
    children = _children(key, parent)
    roots = [n for n in nodes if n not in parent]
    balloons = _Balloons(children, spacing)
    balloons.measure(roots)
    # the biggest tree first, the others shelf-packed in a square block to its right
    roots.sort(key=lambda n: (-balloons.radius[n], key(n)))
    pos: dict[str, tuple] = {}
    for r, (x, y) in zip(roots, _shelves([2 * balloons.radius[r] for r in roots], spacing), strict=True):
        balloons.place(r, x, y, pos)
    for n, (px, py) in pos.items():  # rounded in place: no second map of every node
        pos[n] = (round(px), round(py))
    return pos


class _Balloons:
    """The anchor forest's subtrees as circles: measured bottom-up, then placed top-down."""

    def __init__(self, children: Mapping[str, list[str]], spacing: float) -> None:
        self.children = children
        self.spacing = spacing
        self.radius: dict[str, float] = {}  # of the subtree's circle
        self.offset: dict[str, tuple[float, float]] = {}  # of the anchor from its subtree's centre
        self.spokes: dict[str, list[tuple[str, float, float]]] = {}  # child subtree -> its centre, from the anchor

    def measure(self, roots: list[str]) -> None:
        """Each subtree's circle: its anchor's leaf disc, and its child subtrees' circles on a ring around it."""
        children, spacing, tops = self.children, self.spacing, set(roots)
        for n in _post_order(children, roots):  # no recursion: a chain of anchors may be long
            kids = children.get(n)
            if not kids:  # a leaf sits on its anchor's disc: measured only if it is a tree of its own
                if n in tops:
                    self.radius[n], self.offset[n] = spacing / 2, (-0.0, -0.0)
                continue
            leaves = [c for c in kids if not children.get(c)]
            subs = [c for c in kids if children.get(c)]
            disc = max(spacing * 0.6 * math.sqrt(len(leaves)) + spacing / 2, spacing / 2)
            circles = [(0.0, 0.0, disc)]
            if subs:
                total = sum(self.radius[c] for c in subs)
                ring = max(disc + max(self.radius[c] for c in subs), total / math.pi) + spacing / 3
                a, self.spokes[n] = 0.0, []
                for c in subs:
                    a += math.pi * self.radius[c] / total
                    self.spokes[n].append((c, ring * math.cos(a), ring * math.sin(a)))
                    circles.append((ring * math.cos(a), ring * math.sin(a), self.radius[c]))
                    a += math.pi * self.radius[c] / total
            cx = (min(x - r for x, _, r in circles) + max(x + r for x, _, r in circles)) / 2
            cy = (min(y - r for _, y, r in circles) + max(y + r for _, y, r in circles)) / 2
            self.radius[n] = max(math.hypot(x - cx, y - cy) + r for x, y, r in circles)
            self.offset[n] = (-cx, -cy)

    def place(self, root: str, x: float, y: float, pos: dict[str, tuple]) -> None:
        """Put the tree of `root` with its circle's centre at (x, y): anchors, then their leaves on a sunflower disc."""
        children, spacing = self.children, self.spacing
        stack = [(root, x, y)]
        while stack:
            n, cx, cy = stack.pop()
            x, y = cx + self.offset[n][0], cy + self.offset[n][1]
            pos[n] = (x, y)
            leaves = [c for c in children.get(n, ()) if not children.get(c)]
            for k, c in enumerate(leaves, start=1):
                r, a = spacing * 0.6 * math.sqrt(k + 1), k * GOLDEN
                pos[c] = (x + r * math.cos(a), y + r * math.sin(a))
            stack.extend((c, x + dx, y + dy) for c, dx, dy in self.spokes.get(n, ()))


def _shelves(diameters: list[float], spacing: float) -> list[tuple[float, float]]:
    """Centres of circles: the first in the corner, the others shelf-packed in a square block to its right."""
    if not diameters:
        return []
    left = diameters[0] + spacing
    width = max(diameters[1:2] + [math.sqrt(sum(d**2 for d in diameters[1:]))])
    centres = [(diameters[0] / 2, diameters[0] / 2)]
    x = y = row_h = 0.0
    for d in diameters[1:]:
        if x and x + d > width:
            x, y, row_h = 0.0, y + row_h + spacing / 3, 0.0
        centres.append((left + x + d / 2, y + d / 2))
        x, row_h = x + d + spacing / 3, max(row_h, d)
    return centres


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
