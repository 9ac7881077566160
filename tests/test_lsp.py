"""planparse lsp: a real server process driven over stdio, as an editor drives it."""

from __future__ import annotations

from pathlib import Path

import sys

import pytest
from click.testing import CliRunner

from lsp_client import LspClient
from planparse.cli import main


def _has_pygls() -> bool:
    try:
        import pygls  # noqa: F401
    except ImportError:
        return False
    return True


needs_pygls = pytest.mark.skipif(not _has_pygls(), reason="pygls is not installed (pip install 'planparse[lsp]')")

DRAFT = ("2024年工会工作计划\n"
         "一、指导思想\n"
         "以科学发展观为指导。\n"
         "三、主要工作\n"
         "1、𠮷祥社区由××负责,做好服务。\n")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".planparse.toml").write_text('[lint]\nseverity = {placeholder = "warning"}\n', "utf-8")
    (tmp_path / "plans").mkdir()
    return tmp_path


@needs_pygls
def test_lsp_session_over_stdio(workspace):
    uri = (workspace / "plans" / "draft.txt").as_uri()
    with LspClient(str(workspace), "--debounce", "0.05") as client:
        init = client.request("initialize", {
            "processId": None, "rootUri": workspace.as_uri(),
            "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                             "textDocument": {"codeAction": {"codeActionLiteralSupport": {
                                 "codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}}}}})
        caps = init["capabilities"]
        assert init["serverInfo"]["name"] == "planparse"
        assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix", "source.fixAll.planparse"]
        client.notify("initialized", {})

        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": DRAFT}})
        found = {d["code"]: d for d in client.diagnostics(uri, 1)}
        assert set(found) == {"numbering_gap", "placeholder", "punctuation_mixed"}
        gap = found["numbering_gap"]
        assert gap["range"] == {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 1}}
        assert gap["severity"] == 1 and gap["source"] == "planparse" and gap["message"] == "编号不连续：一之后是三"
        # the workspace's .planparse.toml made placeholder a warning; 𠮷 is two UTF-16 units
        assert found["placeholder"]["severity"] == 2
        assert found["placeholder"]["range"] == {"start": {"line": 4, "character": 8},
                                                 "end": {"line": 4, "character": 10}}
        assert found["punctuation_mixed"]["severity"] == 3

        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": gap["range"], "context": {"diagnostics": [gap]}})
        quick = [a for a in actions if a["kind"] == "quickfix"]
        assert len(quick) == 1 and quick[0]["diagnostics"][0]["code"] == "numbering_gap"
        assert quick[0]["edit"]["changes"][uri] == [{
            "range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 6}},
            "newText": "二、主要工作"}]
        fix_all = [a for a in actions if a["kind"] == "source.fixAll.planparse"]
        assert fix_all and "二、主要工作\n1、𠮷祥社区由××负责，做好服务。" in fix_all[0]["edit"]["changes"][uri][0]["newText"]

        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": gap["range"], "text": "二"}]})
        assert sorted(d["code"] for d in client.diagnostics(uri, 2)) == ["placeholder", "punctuation_mixed"]

        assert client.shutdown() == (None, 0)


@needs_pygls
def test_lsp_reports_a_bad_configuration_instead_of_linting(tmp_path):
    (tmp_path / ".planparse.toml").write_text('[lint]\nignore = ["no_such_rule"]\n', "utf-8")
    uri = (tmp_path / "draft.txt").as_uri()
    with LspClient(str(tmp_path)) as client:
        client.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": DRAFT}})
        shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
        assert shown["params"]["type"] == 1 and "unknown rule 'no_such_rule'" in shown["params"]["message"]
        assert client.shutdown() == (None, 0)


def test_lsp_without_pygls_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls now raises ImportError
    r = CliRunner().invoke(main, ["lsp", "--stdio"])
    assert r.exit_code == 2
    assert r.stderr == "Error: planparse lsp needs pygls: pip install 'planparse[lsp]'\n"
