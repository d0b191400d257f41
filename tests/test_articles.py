"""graph.articles: an item printed on several pages is found again by its body without whitespace."""

from __future__ import annotations

import re
import sys

from graph.articles import _spaceless


def test_the_whitespace_taken_out_of_a_body_is_re_s_whitespace_at_every_code_point() -> None:
    # str.split's whitespace and re's \s agree on every code point (surrogates included), so a body's key is the same
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    assert [_spaceless(c) for c in every] == [re.sub(r"\s+", "", c) for c in every]
    body = "本报讯\u3000中原区 秦岭路街道\n\n办事处\t召开\u00a0会议。\r\n记者 鲁燕\u2028"
    assert _spaceless(body) == re.sub(r"\s+", "", body) == "本报讯中原区秦岭路街道办事处召开会议。记者鲁燕"
