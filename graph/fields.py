"""Fields: the credits a portal's metadata line gives (`来源：X网 作者：覃雄 陈仁义 编辑：梁梁 点击：`), and the writers it
prints bare, with no label (`… 10:43:01 周明 林润 来源：…`).

graph.blocks reads them off furniture lines; each field's names are read as a
credit by graph.credits.
"""

from __future__ import annotations

import re

from graph.credits import HAN, Credits, byline_name, parse
from graph.lexicon import LABEL_ONLY, OUTLET_ENDS, ROLE_WORDS, split_names
from graph.normalize import fold

# A metadata field that credits people: 作者：覃雄 陈仁义, 责任编辑：经晓佳, 编辑 房家梁.
_FIELD_LABELS = "|".join(("原作者", "作者", "见习记者", "实习记者", "记者", "实习生", "通讯员", *(w for w, role in ROLE_WORDS if role == "editor"), "撰稿", "摄影"))
_OTHER_FIELDS = "来源|来自|点击|浏览|阅读|时间|日期|发布|字号|评论|分享"
# a name runs up to the next label with its colon, glued to it or not (编辑: 万庆丽责编: 石丽敏)
_LABEL = rf"(?:{_FIELD_LABELS})\s*[:：]"
_FIELD_NAME = rf"(?!(?:本报|本刊)?(?:{_FIELD_LABELS})|{_OTHER_FIELDS})(?:(?:(?!{_LABEL})[{HAN}·]){{2,}}|[{HAN}] [{HAN}])"  # 作者:X 本报通讯员 Y
_FIELD = re.compile(  # a label after a space, a mark or an outlet's last character; any label with its colon (…在线编辑:)
    rf"(?:^|(?<=[\s|｜:：报网社台[【(（])|(?={_LABEL}))({_FIELD_LABELS})\s*[:：/]?\s*"  # 记者 / 王小昌: a slash for a colon
    rf"({_FIELD_NAME}(?:[\s、,，]+{_FIELD_NAME})*)"
)
_FIELD_END = re.compile(rf"(?:{_OTHER_FIELDS}).*$")
_OUTLET_END = "|".join(OUTLET_ENDS)  # what the outlet after 来源： ends with (宁江日报, 宁江网), where bare names may follow it
_NOT_WRITERS = ("报", "网", "台", "社", "部", "组", "版", "号", "端", "说", "媒体")  # an outlet's, a desk's, a column's ends
# Names printed bare in the line, with no label: before its source's or time's label (… 10:43:01 周明 林润 来源：…,
# 钱 红 发布时间：…), or after its source's outlet, ending the line (来源：宁江日报 王盼 陈敏): its writers
_BARE_NAME = rf"(?:[{HAN}]{{2,4}}|[{HAN}] [{HAN}])(?![{HAN}])"  # 钱 红: a name of two printed a space apart
_BARE_NAMES = re.compile(
    rf"(?:^|(?<=\s))((?:{_BARE_NAME}\s+)*{_BARE_NAME})\s*(?:来源|发布时间)\s*[:：]"
    rf"|来源\s*[:：]\s*[{HAN}·-]{{2,16}}?(?:{_OUTLET_END})\s+((?:{_BARE_NAME}\s+)*{_BARE_NAME})\s*$"
)


def in_metadata(text: str) -> Credits:
    """Credits inside a portal's metadata line (`来源：X网 作者：覃雄 陈仁义 编辑：梁梁 点击：`), and its writers printed
    bare, with no label (`… 10:43:01 周明 林润 来源：…`, `来源：宁江日报 王盼 陈敏`): reporters."""
    out = Credits()
    s = fold(text)
    for m in _FIELD.finditer(s):
        label = m.group(1)
        names = []
        for word in re.split(r"[\s、,，]+", _FIELD_END.sub("", m.group(2))):
            # a field's value ends where a word that is not a name begins (浏览627次)
            parts = split_names(word)
            if not parts:
                break
            names.extend(parts)
        if not names:
            continue
        c = parse(f"{label}{'：' if label in LABEL_ONLY else ' '}{' '.join(names)}")  # 一审: a role only with its colon
        if c:
            out = out | c
    bare = _BARE_NAMES.search(s)
    # names before the label only at the line's start or right after its time or date (…10:43:01 周明), not a labelled
    # field's (通讯员 / 李东 来源：); after the outlet, they end the line
    if bare is not None and (bare.group(2) or s[: bare.start(1)].rstrip()[-1:] in ("", *"0123456789")):
        if (c := _bare_writers(bare.group(1) or bare.group(2))) is not None:
            out = out | c
    return out


def _bare_writers(run: str) -> Credits | None:
    """The reporters of names printed bare in a metadata line, or None when one of them is no name (a word, a place,
    an outlet, a desk, a column: 宁江网, 全媒体, 江南说), or the run is one word of two characters printed whole (a
    channel's tag, 文旅, or a place's name, 钱江, as often as a name)."""
    names: list[str] = []
    for word in re.findall(rf"[{HAN}] [{HAN}](?![{HAN}])|[{HAN}]+", run):
        parts = [word.replace(" ", "")] if " " in word else split_names(word)
        if not parts or not all(byline_name(n, loose=True) and not n.endswith(_NOT_WRITERS) for n in parts):
            return None
        names.extend(parts)
    if len(names) == 1 and len(run) == 2:
        return None
    return Credits(reporters=tuple(dict.fromkeys(names)))  # each already read as a byline's name: no parse again


__all__ = ["in_metadata"]
