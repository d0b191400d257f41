"""Fields: the credits a portal's metadata line gives (`来源：X网 作者：覃雄 陈仁义 编辑：梁梁 点击：`).

graph.blocks reads them off furniture lines; each field's names are read as a
credit by graph.credits.
"""

from __future__ import annotations

import re

from graph.credits import HAN, Credits, parse
from graph.lexicon import LABEL_ONLY, ROLE_WORDS, split_names
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


def in_metadata(text: str) -> Credits:
    """Credits inside a portal's metadata line (`来源：X网 作者：覃雄 陈仁义 编辑：梁梁 点击：`)."""
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
    return out


__all__ = ["in_metadata"]
