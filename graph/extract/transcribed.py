"""Transcribed names: Uyghur, Kazakh, Mongolian and Tibetan names (and foreign ones) printed in Han characters, with
no surname to check (阿依古丽·买买提, 萨仁高娃): read by the characters that transcribe them (graph.extract.people)."""

from __future__ import annotations

import re

from graph.extract.tagger import Token
from graph.lexicon import looks_like_name

# A transcribed name (Uyghur, Tibetan, foreign), its parts joined by a middle dot: 努尔·白克力, 阿依古丽·买买提.
DOTTED = re.compile(r"[\u4e00-\u9fff]{2,6}(?:[·・•][\u4e00-\u9fff]{2,8})+")
# Characters that transcribe Uyghur, Kazakh, Mongolian and Tibetan names (阿依古丽·买买提, 热依拉·阿不都热依木): a
# dotted run mostly of them is a name; one of words is a slogan (新风尚·喜相逢, 七彩暑假·快乐成长).
_TRANSCRIBING = frozenset(
    "阿艾爱安奥巴白拜包宝贝比别波布查达代丹德迪丁都杜敦多额尔法甫嘎盖甘格根古哈海汗罕赫胡吉加贾江杰喀卡坎克肯库拉莱兰朗勒"
    "雷力丽莉林鲁伦罗洛玛买麦曼蒙孟米敏莫木穆那纳娜乃尼努诺帕佩普其齐奇恰钦热仁日如撒萨赛桑色森沙尚舍什斯苏索塔泰坦特提"
    "图吐托瓦万维温乌吾西希锡夏辛雅亚娅伊依尤约扎哲孜卓则祖不乎合牙尕旦措次姆央珠皮肉汉浩逊衣迈里塞"
    "高娃琴敖乐门南才让朝道登音顿珍增平贡曲毕旺堆和"  # Mongolian and Tibetan names (萨仁高娃, 索南才让)
)
# …and more, only in a name the tagger read whole (泽仁多吉, 格桑梅朵, 益西群培): not where a dotted name's run begins
# or ends, whose neighbours they often are (嘉宾|阿依古丽·买买提, …·白克力|强调)
_TRANSCRIBING_WHOLE = _TRANSCRIBING | frozenset("泽梅朵绒翁嘉益觉边琼群培拥宗强庆")


def transcribed_name(name: str) -> bool:
    """A name the tagger read whole that transcribes a Mongolian, Tibetan or Uyghur one, printed without a dot
    (萨仁高娃, 巴图孟和): no surname to check, every character one that transcribes."""
    return 3 <= len(name) <= 7 and all(c in _TRANSCRIBING_WHOLE for c in name)


def transcribed_token(text: str, t: Token) -> bool:
    """A tagged name that transcribes (`transcribed_name`), not one with a surname of three characters, and no part
    of a dotted name (热依拉|·阿不都热依木)."""
    undotted = text[t.end : t.end + 1] not in "·・•" and text[t.start - 1 : t.start] not in "·・•"
    return transcribed_name(t.text) and (len(t.text) >= 4 or not looks_like_name(t.text)) and undotted


def transcribed(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """Where the name a dotted run holds begins and ends: its first part from where the transcribing characters begin,
    its last up to where they end (…·买买提|说); None when a part is shorter than two or the run is words."""
    a, b = m.start(), m.end()
    while a < b and text[a] not in _TRANSCRIBING:
        a += 1
    last = max(text.rfind(c, a, b) for c in "·・•") + 1
    end = last
    while end < b and text[end] in _TRANSCRIBING:
        end += 1
    parts = re.split("[·・•]", text[a:end])
    if min(map(len, parts)) < 2 or sum(c in _TRANSCRIBING for c in "".join(parts)) < 0.8 * len("".join(parts)):
        return None
    return a, end
