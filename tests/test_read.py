"""Read: encodings, bad files, page dates."""

from __future__ import annotations

import datetime as dt
import os
import random

import pytest

from graph.errors import GraphError, InputError
from graph.read import decode, load_manifest, page_date_from_name, read_page

TEXT = "本报讯 3月20日下午，中原区秦岭路街道召开会议。記者"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("utf-16", "utf-16"),
    ],
)
def test_encodings_are_detected(encoding: str, expected: str) -> None:
    text, used = decode(TEXT.encode(encoding), "x.txt")
    assert text.lstrip("\ufeff") == TEXT
    assert used == expected


def test_big5_is_detected() -> None:
    trad = "本報訊 臺北市政府召開會議，討論社區發展與環境整治。"
    text, used = decode(trad.encode("big5"), "x.txt")
    assert text == trad
    assert used == "big5"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"abc\x00\x00def", "binary"),
        (bytes(range(0x80, 0x100)) * 4, "UTF-8"),
    ],
)
def test_unusable_bytes_are_reported_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as e:
        decode(data, "bad.txt")
    assert "bad.txt" in str(e.value)
    assert reason in str(e.value)


def test_random_bytes_that_decode_are_still_no_page() -> None:
    # bytes 0x81-0xFE pair up into GB18030 characters, nearly all of them rare: a build must not read them as a page
    rng = random.Random(7)
    data = bytes(rng.randrange(0x81, 0xFF) for _ in range(3000))
    assert data.decode("gb18030")
    with pytest.raises(InputError, match="not UTF-8, UTF-16, GB18030/GBK or Big5 text") as e:
        decode(data, "noise.txt")
    assert "noise.txt" in str(e.value)


def test_a_rare_character_in_a_name_does_not_spoil_a_page() -> None:
    page = "本报讯 柳岸镇镇长杨燊、副镇长缪琰到舥艚社区调研，听取社区工作汇报。" * 3
    assert decode(page.encode("gb18030"), "x.txt") == (page, "gb18030")
    # …nor does a table drawn with box characters whose cells are villages of dialect names
    table = "本报讯 宁江县交通局公布通村公路名单：\n" + "┌────┬────┐\n│圪垯坪村│峁底村│\n├────┼────┤\n│墕沟村│垴上村│\n└────┴────┘\n" * 4
    assert decode(table.encode("gb18030"), "x.txt") == (table, "gb18030")


def test_a_forced_encoding_that_decodes_into_no_text(tmp_path) -> None:
    p = tmp_path / "p.txt"
    p.write_bytes(TEXT.encode("utf-8"))
    with pytest.raises(InputError, match="decoded as latin-1 it holds no Chinese character.*check --encoding") as e:
        read_page(p, encoding="latin-1")
    assert "p.txt" in str(e.value)
    p.write_bytes(b"A page in English: the street office held a meeting.")
    assert read_page(p, encoding="latin-1").text.startswith("A page")
    # a bilingual page, most of it in another script, is read as its encoding says
    bilingual = "ئاۋات يېزىسىدا ھوسۇل بايرىمى ئۆتكۈزۈلدى، دېھقانلار خۇشال. " * 6 + "\n本报讯 柳岸镇举办农民丰收节。\n"
    p.write_bytes(bilingual.encode("utf-8"))
    assert read_page(p, encoding="utf-8").text.rstrip().endswith("柳岸镇举办农民丰收节。")


def test_empty_and_oversized_files(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_page(empty)
    big = tmp_path / "big.txt"
    big.write_text("字" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        read_page(big, max_bytes=1000)


def test_forced_encoding_that_does_not_fit(tmp_path) -> None:
    p = tmp_path / "p.txt"
    p.write_bytes(TEXT.encode("gb18030"))
    with pytest.raises(InputError, match="utf-8"):
        read_page(p, encoding="utf-8")
    assert read_page(p, encoding="gb18030").text == TEXT


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("2024-11-21_zzwb_a08.txt", dt.date(2024, 11, 21)),
        ("20241121_page3.txt", dt.date(2024, 11, 21)),
        ("zzrb_2023.03.05.txt", dt.date(2023, 3, 5)),
        ("000_b611260ab2cebaa9.txt", None),
        ("page_20241341.txt", None),
    ],
)
def test_page_date_from_file_name(name: str, date: dt.date | None) -> None:
    assert page_date_from_name(name) == date


def test_manifest_csv_and_json(tmp_path) -> None:
    c = tmp_path / "m.csv"
    c.write_text("file,date\na.txt,2021-03-24\n", encoding="utf-8")
    assert load_manifest(c) == {"a.txt": dt.date(2021, 3, 24)}
    j = tmp_path / "m.json"
    j.write_text('{"dir/b.txt": "2013-05-25"}', encoding="utf-8")
    assert load_manifest(j) == {"b.txt": dt.date(2013, 5, 25)}


def test_a_manifest_s_blank_lines_quotes_trailing_commas_and_repeats_of_one_date_are_read(tmp_path) -> None:
    c = tmp_path / "m.csv"
    c.write_text('\ufeff\nfile,date\n\n"a b.txt", 2021-03-24 ,\nsub/c.txt,2021-03-25T08:00\nc.txt,2021-03-25\n', encoding="utf-8")
    assert load_manifest(c) == {"a b.txt": dt.date(2021, 3, 24), "c.txt": dt.date(2021, 3, 25)}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("file,date\na.txt,2021-03-24\n\nb.txt\n", "m.csv, line 4: 'b.txt' has no date; each line is file,date"),
        ("a.txt;2021-03-24\nb.txt;2021-03-25\n", "m.csv, line 1: 'a.txt;2021-03-24' has no date"),
        ("a.txt,2021-03-24,page 3\n", "m.csv, line 1: 'a.txt,2021-03-24,page 3' has 3 values"),
        (",2021-03-24\n", "m.csv, line 1: ',2021-03-24' has no file name"),
        ('a.txt,"2021-03-24\nb.txt,2021-03-25\n', "m.csv, line 1: not CSV"),
        ('a.txt,2021-03-24\nb.txt,"2021-03-25\nc.txt,2021-03-26\nd.txt,2021-03-27\n', "m.csv, line 2: not CSV"),
        ("a.txt,2021-03-241\n", "m.csv, line 1: '2021-03-241' for a.txt is not a date"),
        ("a.txt,2021-03-24 page 3\n", "m.csv, line 1: '2021-03-24 page 3' for a.txt is not a date"),
        ("file,date\n\n", "m.csv: the manifest dates no page"),
        ("a.txt,2021-03-24\nb.txt,2021-13-45\n", "m.csv, line 2: '2021-13-45' for b.txt is not a date"),
        ("a.txt,2021-03-24\nx/a.txt,2021-03-25\n", "m.csv, line 2: a.txt is dated 2021-03-25 here and 2021-03-24 on line 1"),
    ],
    ids=["no-date", "semicolons", "three-values", "no-name", "open-quote", "open-quote-later", "date-and-more",
         "date-and-words", "no-rows", "bad-date", "two-dates"],
)
def test_a_manifest_line_read_otherwise_than_meant_is_refused_with_its_line(tmp_path, text, said) -> None:
    c = tmp_path / "m.csv"
    c.write_text(text, encoding="utf-8")
    with pytest.raises(GraphError) as e:
        load_manifest(c)
    assert said in str(e.value)


@pytest.mark.parametrize(
    ("text", "said"),
    [('{"a.txt": "2021-03-24", "a.txt": "2021-03-24"}', "a.txt is named twice"),
     ('{"a.txt": 20210324}', "the date of a.txt is 20210324, not a text"),
     ('{"a.txt": "2021-03-24", "d/a.txt": "2021-03-25"}', "a.txt is dated 2021-03-25 here and 2021-03-24 as a.txt"),
     ("{}", "the manifest dates no page")],
    ids=["twice", "a-number", "two-dates", "empty"],
)
def test_a_json_manifest_names_each_page_once_with_a_text_date(tmp_path, text, said) -> None:
    j = tmp_path / "m.json"
    j.write_text(text, encoding="utf-8")
    with pytest.raises(GraphError, match=said):
        load_manifest(j)


def test_a_manifest_naming_none_of_the_pages_is_a_warning(tmp_path, caplog) -> None:
    from graph.pipeline import Options, build

    page = tmp_path / "in" / "page-001.txt"
    page.parent.mkdir()
    page.write_text(TEXT, encoding="utf-8")
    named = {"page-001": dt.date(2021, 3, 24)}  # the extension left out
    with caplog.at_level("WARNING", logger="newskg"):
        build([page.parent], tmp_path / "out", options=Options(dates=tuple(named.items())))
    assert "the manifest dates 1 file(s) not among this build's pages (page-001), and 1 of its 1 page(s)" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="newskg"):  # a manifest of a larger archive, covering every page: no word
        build([page.parent], tmp_path / "out2", options=Options(dates=(("page-001.txt", dt.date(2021, 3, 24)), ("other.txt", dt.date(2021, 3, 25)))))
    assert "manifest" not in caplog.text
    # pages dated by their file names are not counted among the undated ones
    (page.parent / "2021-03-25_page-002.txt").write_text(TEXT, encoding="utf-8")
    caplog.clear()
    with caplog.at_level("WARNING", logger="newskg"):
        build([page.parent], tmp_path / "out3", options=Options(dates=tuple(named.items())))
    assert "and 1 of its 2 page(s) are not in it (page-001.txt)" in caplog.text


def test_page_date_reaches_the_page(tmp_path) -> None:
    p = tmp_path / "2023-03-21_p.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert read_page(p).date == dt.date(2023, 3, 21)
    assert read_page(p, dates={"2023-03-21_p.txt": dt.date(2020, 1, 2)}).date == dt.date(2020, 1, 2)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_to_folders_and_dangling_links_in_a_folder_are_reported_with_their_own_reason(tmp_path) -> None:
    from graph.read import collect, not_a_page

    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "in" / "a" / "p.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "outside" / "q.txt").write_text(TEXT + "另一条。", encoding="utf-8")
    os.symlink(tmp_path / "outside", tmp_path / "in" / "a" / "ext")  # a folder of pages, linked in
    os.symlink(tmp_path / "in", tmp_path / "in" / "a" / "up")  # …and one that leads back round
    os.symlink("x2", tmp_path / "in" / "x1")
    os.symlink("x1", tmp_path / "in" / "x2")  # a loop with no extension: not "a file with no extension"
    ignored: list = []
    assert collect([tmp_path / "in"], ignored) == [tmp_path / "in" / "a" / "p.txt"]
    reasons = {p.name: not_a_page(p) for p in ignored}
    assert set(reasons) == {"ext", "up", "x1", "x2"}
    assert reasons["ext"] == reasons["up"] == (
        "is a link to a folder, which a folder's walk does not follow; name it on the command line to read its pages")
    assert reasons["x1"].startswith("is a link that leads nowhere") and reasons["x1"].endswith("fix its target or remove it")
    assert collect([tmp_path / "in" / "a" / "ext"]) == [tmp_path / "in" / "a" / "ext" / "q.txt"]  # named, it is read


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_is_read(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from graph.cli import main
    from graph.read import collect, not_a_page

    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "p.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "locked" / "q.txt").write_text(TEXT + "另一条。", encoding="utf-8")
    scandir = os.scandir

    def no_permission(path="."):  # root lists any folder: a folder of mode 000, as another user meets it
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", no_permission)
    ignored: list = []
    assert collect([tmp_path / "in"], ignored) == [tmp_path / "in" / "p.txt"]
    assert [(p, not_a_page(p)) for p in ignored] == [(tmp_path / "in" / "locked", (
        "is a folder that cannot be read (permission denied); check its permissions: its pages were not read"))]
    run = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--strict", "-q"])
    assert run.exit_code == 1 and "locked: is a folder that cannot be read" in run.stderr


def test_a_page_in_a_dated_folder_is_of_that_day_and_a_cached_one_moved_to_another_day_is_read_again(tmp_path) -> None:
    # an e-paper's archive: one folder a day, the same page names in each (A01.txt)
    from click.testing import CliRunner
    from rdflib import Graph, Namespace

    from graph.cli import main

    schema = Namespace("https://schema.org/")
    for day, what in (("2024-03-12", "消防安全"), ("2024-03-15", "防汛应急")):
        (tmp_path / "pages" / day).mkdir(parents=True)
        (tmp_path / "pages" / day / "A01.txt").write_text(f"柳岸街道举办培训\n\n本报讯 昨日，柳岸街道举办{what}培训。\n", encoding="utf-8")
    assert read_page(tmp_path / "pages" / "2024-03-12" / "A01.txt").date == dt.date(2024, 3, 12)
    assert read_page(tmp_path / "pages" / "2024-03-12" / "A01.txt", dates={"A01.txt": dt.date(2024, 3, 1)}).date == dt.date(2024, 3, 1)
    # guard: a folder named for more than a day (when the pages were gathered, a range, a backup) dates nothing
    for folder in ("20240612_collected", "20200101-20201231", "backup_20210101"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "A01.txt").write_text("本报讯 昨日，柳岸街道举办培训。\n", encoding="utf-8")
        assert read_page(tmp_path / folder / "A01.txt").date is None, folder

    def event_days() -> list[str]:
        run = CliRunner().invoke(main, ["build", str(tmp_path / "pages"), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache"), "-q"])
        assert run.exit_code == 0, run.output
        return sorted(str(d) for d in Graph().parse(tmp_path / "out" / "graph.ttl").objects(None, schema.startDate))

    assert event_days() == ["2024-03-11", "2024-03-14"]
    (tmp_path / "pages" / "2024-03-15").rename(tmp_path / "pages" / "2024-03-16")  # the same bytes and name, another day
    assert event_days() == ["2024-03-11", "2024-03-15"]
