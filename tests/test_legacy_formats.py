"""Legacy formats: Word 97–2003 .doc, WPS .wps and .rtf read like the plans they were made from.

The fixtures in tests/fixtures/legacy/ were made from corpus plans by make_fixtures.py
there (LibreOffice, and RTF and piece tables written the GBK era's way); a fixture's name
starts with the id of its corpus plan.
"""

from __future__ import annotations

from pathlib import Path

import olefile
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from planparse.readers import word97 as word
from planparse.cli import main
from planparse.errors import FormatError, InputError
from planparse.readers.marks import flatten
from planparse.readers import read_bytes, read_file
from planparse.readers.rtf import rtf_to_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "legacy"
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"

# fixture → the reader that must be chosen for it (by content)
SAME_AS_SOURCE = {
    "ep01.doc": "doc", "pc01.doc": "doc", "sc05.doc": "doc", "ua10.doc": "doc",   # from .docx, with tables
    "ep02.doc": "doc", "ep04.doc": "doc", "ep20.doc": "doc", "hp01.doc": "doc",   # from .txt
    "ep05-fields.doc": "doc", "ep03-pieces.doc": "doc", "ep09-gbk.doc": "doc",
    "ua04.wps": "wps",
    "ep01.rtf": "rtf", "vh04.rtf": "rtf", "ep02.rtf": "rtf", "ep05-fields.rtf": "rtf",
    "pc01-gbk.rtf": "rtf", "ep20-big5.rtf": "rtf", "ua02-font.rtf": "rtf",
    "ua03-rtf.doc": "rtf", "vh04-docx.doc": "docx",
}
TABLES = ("ep01.doc", "pc01.doc", "sc05.doc", "ep01.rtf", "vh04.rtf", "pc01-gbk.rtf")


def source_of(name: str) -> Path:
    (found,) = CORPUS.glob(name.split("-")[0].split(".")[0] + ".*")
    return found


def summary(path: Path) -> list[dict]:
    """What must not change with the format: plans, top-level sections, activity dates."""
    d = planparse.parse_file(path, year=2024).to_dict()
    return [{"title": p["title"], "type": p["type"], "year": p["year"], "lines": p["lines"],
             "sections": [(s["heading"], s["kind"], s["lines"]) for s in p["sections"]],
             "activities": [(a["line"], a["when"]["start"], a["when"]["end"]) for a in p["activities"]],
             "recurring": [r["line"] for r in p["recurring"]]}
            for p in d["plans"]]


def test_the_fixture_set_is_complete():
    names = {p.name for p in FIXTURES.iterdir()}
    assert set(SAME_AS_SOURCE) <= names
    assert sum(n.endswith(".doc") and SAME_AS_SOURCE[n] == "doc" for n in SAME_AS_SOURCE) >= 8
    assert sum(n.endswith(".rtf") for n in SAME_AS_SOURCE) >= 4
    assert len([n for n in names if n.endswith(".wps")]) >= 2
    assert (FIXTURES / "make_fixtures.py").exists()


@pytest.mark.parametrize("name", sorted(SAME_AS_SOURCE))
def test_a_legacy_file_parses_as_the_plan_it_was_made_from(name):
    path = FIXTURES / name
    assert read_file(path).format == SAME_AS_SOURCE[name]
    expected = summary(source_of(name))
    assert expected and any(p["activities"] for p in expected)
    assert summary(path) == expected


@pytest.mark.parametrize("name", TABLES)
def test_table_rows_come_out_as_the_docx_reader_shows_them(name):
    rows = [ln for ln in read_file(FIXTURES / name).text.split("\n") if " | " in ln]
    docx_rows = [ln for ln in read_file(source_of(name)).text.split("\n") if " | " in ln]
    assert len(rows) >= 3
    assert rows == docx_rows


@pytest.mark.parametrize("name", ["ep05-fields.doc", "ep05-fields.rtf"])
def test_field_codes_hidden_text_pictures_and_footnotes_stay_out(name):
    text = read_file(FIXTURES / name).text
    for leak in ("HYPERLINK", "example.org", "内部备注", "脚注文字", "pngblip"):
        assert leak not in text
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in text)
    assert text.split("\n")[0] == read_file(CORPUS / "ep05.txt").text.split("\n")[0]


def _streams(name: str) -> tuple[bytes, dict[str, bytes], word.Fib]:
    with olefile.OleFileIO(str(FIXTURES / name)) as ole:
        data = ole.openstream("WordDocument").read()
        fib = word.parse_fib(data)
        return data, {fib.table_stream: ole.openstream(fib.table_stream).read()}, fib


def test_eight_bit_pieces_between_unicode_pieces():
    _, tables, fib = _streams("ep03-pieces.doc")
    pieces, _ = word.parse_clx(tables[fib.table_stream], *fib.clx)
    assert sum(p.compressed for p in pieces) >= 10 and sum(not p.compressed for p in pieces) >= 10
    assert read_file(FIXTURES / "ep03-pieces.doc").text == read_file(CORPUS / "ep03.txt").text


def test_eight_bit_gbk_piece_of_a_chinese_document():
    _, tables, fib = _streams("ep09-gbk.doc")
    pieces, _ = word.parse_clx(tables[fib.table_stream], *fib.clx)
    assert pieces[0].compressed and fib.lid == 0x0804
    assert read_file(FIXTURES / "ep09-gbk.doc").text == read_file(CORPUS / "ep09.txt").text


def test_an_eight_bit_piece_is_windows_1252_when_chinese_is_in_unicode_pieces():
    data, tables, _ = _streams("ep03-pieces.doc")
    raw = bytearray(data)
    raw[6:8] = (0x0804).to_bytes(2, "little")          # a Chinese document: 8-bit pieces stay 1252
    assert word.doc_text(bytes(raw), tables, "x.doc") == read_file(CORPUS / "ep03.txt").text


def test_characters_beyond_the_bmp_keep_hidden_text_in_place():
    data, tables, _ = _streams("ep05-fields.doc")
    two = "恒通".encode("utf-16-le")                      # two code units, as one character beyond the BMP
    assert data.count(two) == 1
    text = word.doc_text(data.replace(two, "\U00020000".encode("utf-16-le")), tables, "x.doc")
    assert text == "\U00020000" + read_file(CORPUS / "ep05.txt").text[2:]


@pytest.mark.parametrize("name,fmt", [("ua03-rtf.doc", "rtf"), ("vh04-docx.doc", "docx"),
                                      ("sc10-html.doc", "html"), ("ua04.wps", "wps"), ("ep01.doc", "doc")])
def test_the_reader_is_chosen_by_content(name, fmt):
    assert read_file(FIXTURES / name).format == fmt


def test_html_saved_as_doc_gives_the_same_plans():
    html = planparse.parse_file(FIXTURES / "sc10-html.doc", year=2024).to_dict()
    docx = planparse.parse_file(CORPUS / "sc10.docx", year=2024).to_dict()
    assert [p["title"] for p in html["plans"]] == [p["title"] for p in docx["plans"]]
    assert [s["kind"] for s in html["plans"][0]["sections"]] == [s["kind"] for s in docx["plans"][0]["sections"]]


@pytest.mark.parametrize("name,message", [
    ("encrypted.doc", r"encrypted \(password-protected\) \.doc;"),
    ("encrypted.docx", r"encrypted \(password-protected\) \.docx;"),
    ("truncated.doc", r"corrupt or truncated"),
    ("empty.doc", r"holds no text"),
    ("works.wps", r"unsupported \.wps variant"),
])
def test_bad_legacy_files_give_one_clear_line(name, message):
    path = FIXTURES / name
    with pytest.raises(FormatError, match=message) as info:
        read_file(path)
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)
    r = CliRunner().invoke(main, ["parse", str(path)])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert r.stderr.startswith(f"Error: {path}: ") and r.stderr.count("\n") == 1


@pytest.mark.parametrize("data", [b"\x00WPS\x01" + bytes(range(256)) * 4, "一、指导思想\n".encode("gbk") * 20])
def test_a_wps_file_that_is_not_ole_is_an_unsupported_variant(data):
    with pytest.raises(FormatError, match=r"old\.wps: unsupported \.wps variant"):
        read_bytes(data, "old.wps")


def test_an_ole_file_that_is_not_word_says_so():
    data = (FIXTURES / "works.wps").read_bytes()
    with pytest.raises(FormatError, match="not a Word document"):
        read_bytes(data, "sheet.doc")


def test_encrypted_flag_and_old_versions_in_the_fib():
    data, tables, _ = _streams("ep02.doc")
    flagged = bytearray(data)
    flagged[11] |= 0x01                                   # fEncrypted (0x0100)
    with pytest.raises(FormatError, match=r"x\.doc: encrypted"):
        word.doc_text(bytes(flagged), tables, "x.doc")
    old = bytearray(data)
    old[2:4] = (0x68).to_bytes(2, "little")             # Word 95
    with pytest.raises(FormatError, match="Word 6/95"):
        word.doc_text(bytes(old), tables, "x.doc")


def test_lint_and_cli_parse_read_a_doc():
    r = CliRunner().invoke(main, ["parse", str(FIXTURES / "ep01.doc"), "--format", "json"])
    assert r.exit_code == 0 and '"format": "doc"' in r.stdout
    found = planparse.lint(read_file(FIXTURES / "ep01.doc").text, path="ep01.doc")
    assert found == planparse.lint(read_file(CORPUS / "ep01.docx").text, path="ep01.doc")
    r = CliRunner().invoke(main, ["lint", str(FIXTURES / "ua04.wps")])
    assert r.exit_code in (0, 1) and "ua04.wps" in r.stdout


# ---------------------------------------------------------------- pieces of the readers


def test_field_results_are_kept_and_codes_dropped_even_nested():
    assert word.strip_fields("甲\x13 REF a \x13 PAGE \x14 3\x15\x14乙\x15丙") == "甲乙丙"
    assert word.strip_fields("甲\x13 TOC \x15丙\x15") == "甲丙"


def test_table_marks_flatten_to_rows():
    assert flatten("周次\x07\x07内容\x07\x1c末\r") == "周次 |  | 内容\n末"
    assert flatten("a\x07b\x07\r下一段\r") == "a | b\n下一段"


@pytest.mark.parametrize("rtf,expected", [
    (rb"{\rtf1\ansi\ansicpg950{\fonttbl{\f0\fcharset136 x;}}\f0 \'a4\'75\'b7\'7c\par}", "工會"),
    (rb"{\rtf1\ansi\ansicpg936 \'b9@\par}", b"\xb9@".decode("gbk")),     # escaped lead, literal trail byte
    (rb"{\rtf1\ansi{\fonttbl{\f1\fcharset134 SimSun;}}\f1 \'b9\'a4\'bb\'e1}", "工会"),
    (rb"{\rtf1\uc2 \u24037\'b9\'a4\u20250\'bb\'e1 x}", "工会 x"),
    (rb"{\rtf1 \u-10176?\u-9216?}", "\U00020000"),
    (rb"{\rtf1 A{\v hidden}B{\deleted gone}C\par}", "ABC"),
    (rb"{\rtf1 A{\*\shppict{\pict\bin4 }{{}}}B}", "AB"),
    (rb"{\rtf1 {\field{\*\fldinst HYPERLINK x}{\fldrslt link}}\par}", "link"),
    (rb"{\rtf1 \trowd\cellx1\pard\intbl a\par b\cell c\cell\row\pard d\par}", "a b | c\nd"),
    (rb"{\rtf1 x{\footnote note}y\line z}", "xy z"),
])
def test_rtf_cases(rtf, expected):
    assert rtf_to_text(rtf) == expected


# ---------------------------------------------------------------- property tests

DOC_FIXTURES = ("ep01.doc", "ep05-fields.doc", "ep03-pieces.doc", "ep09-gbk.doc", "pc01.doc")
RTF_FIXTURES = ("ep01.rtf", "pc01-gbk.rtf", "ep05-fields.rtf", "ep20-big5.rtf")
RTF_TOKENS = [b"{", b"}", b"\\bin99999999 ", b"\\bin3 ", b"\\u-5 ", b"\\'", b"\\uc9 ", b"\\*", b"\\u99999999999",
              b"\\par", b"\\cell", b"\\row", b"\\intbl", b"\\v", b"\\f9", b"\\ansicpg950", b"\\'ff", b"\\", b"\x00"]
STREAMS = {name: _streams(name) for name in DOC_FIXTURES}
EDITS = st.lists(st.tuples(st.sampled_from(["fib", "clx", "table", "word"]), st.integers(0, 2**20),
                           st.integers(0, 255)), min_size=1, max_size=12)


@settings(max_examples=300, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(DOC_FIXTURES), EDITS, st.floats(0, 1), st.floats(0, 1))
def test_mutated_word_streams_give_only_input_errors(name, edits, cut_word, cut_table):
    data, tables, fib = STREAMS[name]
    (table_name, table), = tables.items()
    w, t = bytearray(data), bytearray(table)
    for where, pos, value in edits:
        if where == "fib":
            w[pos % 0x200] = value
        elif where == "clx":
            t[fib.clx[0] + pos % fib.clx[1]] = value
        elif where == "table":
            t[pos % len(t)] = value
        else:
            w[pos % len(w)] = value
    w = w[:max(1, int(len(w) * cut_word))] if cut_word < 0.3 else w
    t = t[:int(len(t) * cut_table)] if cut_table < 0.3 else t
    try:
        text = word.doc_text(bytes(w), {table_name: bytes(t)}, "fuzz.doc")
    except InputError:
        return
    assert isinstance(text, str)


@settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(DOC_FIXTURES + ("encrypted.doc", "encrypted.docx")), st.floats(0, 1),
       st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), max_size=20))
def test_truncated_and_mutated_doc_files_give_only_input_errors(name, cut, edits):
    data = bytearray((FIXTURES / name).read_bytes())
    for pos, value in edits:
        data[pos % len(data)] = value
    data = data[:int(len(data) * cut)] if cut < 0.5 else data
    try:
        read_bytes(bytes(data), "fuzz.doc")
    except InputError:
        pass


@settings(max_examples=200, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(RTF_FIXTURES), st.floats(0, 1),
       st.lists(st.tuples(st.integers(0, 2**20), st.sampled_from(RTF_TOKENS) | st.binary(max_size=3)),
                max_size=20))
def test_truncated_and_mutated_rtf_gives_only_input_errors(name, cut, edits):
    data = bytearray((FIXTURES / name).read_bytes())
    for pos, token in edits:
        at = pos % len(data)
        data[at:at] = token
    data = data[:int(len(data) * cut)] if cut < 0.5 else data
    try:
        read_bytes(bytes(data), "fuzz.rtf")
    except InputError:
        pass


def test_deeply_nested_or_huge_rtf_finishes():
    assert read_bytes(b"{\\rtf1 " + b"{" * 100_000 + b"x", "deep.rtf").text == "x"
    assert read_bytes(b"{\\rtf1 " + b"\\u24037?" * 50_000 + b"}", "big.rtf").text == "工" * 50_000
