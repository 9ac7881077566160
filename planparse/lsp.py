"""`planparse lsp`: lint where writers write, in any editor that speaks the Language Server
Protocol (over standard input and output).

Diagnostics are published when a document is opened or saved and, debounced, as it
changes: the rule as ``code``, ``planparse`` as ``source``, 0-based ranges in the client's
position units, severities mapped (error → Error, warning → Warning, info → Information).
A finding with no line (missing_section) sits on the first line. The safe fixes of
``planparse lint --fix`` are offered as quick fixes, and all of them at once as a
``source.fixAll`` action. The configuration is the one the command line would use for the
document's folder (``.planparse.toml`` or ``pyproject.toml`` ``[tool.planparse.lint]``,
searched upwards), read again at every lint so that edits to it apply at once.

>>> from planparse.rules import Diagnostic
>>> d = Diagnostic("a.txt", 2, 2, "placeholder", "error", "未填写的模板占位符“××”", length=2)
>>> r = lsp_range(d, ["一、指导思想", "由××负责。"])
>>> (r.start.line, r.start.character, r.end.line, r.end.character)
(1, 1, 1, 3)
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from planparse import __version__
from planparse.errors import PlanparseError
from planparse.model import Source
from planparse.rules import Diagnostic, rule_specs
from planparse.rules.runner import apply_fixes, lint_source, load_config

log = logging.getLogger(__name__)

DEBOUNCE = 0.3  # seconds of quiet typing before a changed document is linted again
SOURCE = "planparse"
FIX_ALL = "source.fixAll.planparse"
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


# ---------------------------------------------------------------- findings as LSP data


def lsp_range(d: Diagnostic, lines: Sequence[str]) -> types.Range:
    """A finding's range in code points, 0-based: the characters it covers (to the end of
    its line when it does not say), the first line for a finding with no line."""
    if d.line is None or not 0 < d.line <= len(lines):
        return types.Range(types.Position(0, 0), types.Position(0, len(lines[0].rstrip()) if lines else 0))
    n = d.line - 1
    text = lines[n].rstrip("\r\n")
    start = max((d.column or 1) - 1, 0)
    end = len(text.rstrip()) if d.length is None else start + d.length
    if end <= start:  # a place between characters (the end of a broken line): its last character
        start, end = max(start - 1, 0), max(start, 1)
    return types.Range(types.Position(n, min(start, len(text))), types.Position(n, min(max(end, start), len(text))))


def to_lsp(d: Diagnostic, lines: Sequence[str]) -> types.Diagnostic:
    """One finding as an LSP diagnostic (range in code points)."""
    return types.Diagnostic(range=lsp_range(d, lines), message=d.message, severity=_SEVERITY.get(d.severity),
                            code=d.rule, source=SOURCE)


def fix_edit(d: Diagnostic, lines: Sequence[str], eol: str = "\n") -> types.TextEdit | None:
    """The text edit of a finding's safe fix (whole source lines replaced, joined by
    ``eol``), or None."""
    fx = d.edit
    if fx is None or not rule_specs()[d.rule].get("fixable") or not 0 < fx.first <= fx.last <= len(lines):
        return None
    last = lines[fx.last - 1].rstrip("\r\n")
    if fx.lines:
        rng = types.Range(types.Position(fx.first - 1, 0), types.Position(fx.last - 1, len(last)))
        return types.TextEdit(rng, eol.join(fx.lines))
    end = types.Position(fx.last, 0) if fx.last < len(lines) else types.Position(fx.last - 1, len(last))
    return types.TextEdit(types.Range(types.Position(fx.first - 1, 0), end), "")


# ---------------------------------------------------------------- the server


class PlanServer(LanguageServer):
    """The language server: the latest findings of every open document, and the lints
    waiting for typing to pause."""

    def __init__(self, debounce: float = DEBOUNCE) -> None:
        super().__init__("planparse", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.pending: dict[str, asyncio.Task] = {}
        self.findings: dict[str, tuple[int | None, str, list[Diagnostic]]] = {}

    def lint_now(self, uri: str) -> None:
        """Lint the document and publish what was found (an error in the configuration is
        shown to the user and publishes nothing)."""
        doc = self.workspace.get_text_document(uri)
        try:
            found = lint_document(doc, self.workspace.root_path)
        except PlanparseError as exc:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"planparse: {exc}"))
            return
        lines = doc.source.split("\n")
        self.findings[uri] = (doc.version, doc.source, found)
        codec = doc.position_codec
        diagnostics = []
        for d in found:
            item = to_lsp(d, lines)
            item.range = codec.range_to_client_units(doc.lines, item.range)
            diagnostics.append(item)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=doc.version))

    def lint_later(self, uri: str) -> None:
        """Lint once typing has paused for :attr:`debounce` seconds."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()

        async def wait_and_lint() -> None:
            await asyncio.sleep(self.debounce)
            self.pending.pop(uri, None)
            self.lint_now(uri)

        self.pending[uri] = asyncio.ensure_future(wait_and_lint())

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.findings.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """Quick fixes for the findings in the asked range, and one action fixing them all."""
        uri = params.text_document.uri
        doc = self.workspace.get_text_document(uri)
        version, text, found = self.findings.get(uri, (None, "", []))
        if text != doc.source:
            return []  # the findings are of an older text; new ones are on their way
        lines = text.split("\n")
        eol = "\r\n" if "\r\n" in text else "\n"
        codec = doc.position_codec
        first, last = params.range.start.line, params.range.end.line
        only = params.context.only
        out: list[types.CodeAction] = []
        for d in found:
            edit = fix_edit(d, lines, eol)
            if edit is None or d.line is None or not first <= d.line - 1 <= last:
                continue
            if only and not any(types.CodeActionKind.QuickFix.value.startswith(k) for k in only):
                continue
            edit.range = codec.range_to_client_units(doc.lines, edit.range)
            diagnostic = to_lsp(d, lines)
            diagnostic.range = codec.range_to_client_units(doc.lines, diagnostic.range)
            out.append(types.CodeAction(
                title=f"修复 {d.rule}：{d.message}", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                is_preferred=True, edit=types.WorkspaceEdit(changes={uri: [edit]})))
        fixable = [d for d in found if fix_edit(d, lines) is not None]
        if fixable and (not only or any(FIX_ALL.startswith(k) for k in only)):
            fixed = apply_fixes(Source(text.replace("\r\n", "\n"), uri, "txt", None), fixable).replace("\n", eol)
            whole = types.Range(types.Position(0, 0), types.Position(len(lines) - 1, len(lines[-1])))
            out.append(types.CodeAction(
                title=f"修复 planparse 可安全修复的全部问题（{len(fixable)}处）", kind=FIX_ALL,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                    codec.range_to_client_units(doc.lines, whole), fixed)]})))
        return out


def lint_document(doc: TextDocument, workspace_root: str | None = None) -> list[Diagnostic]:
    """Lint an open document with the configuration of its folder; its path is given
    relative to the configuration's folder, so that per-file-ignores match as on the
    command line."""
    path = doc.path if doc.uri.startswith("file:") else None  # an unsaved buffer has no folder
    folder = Path(path).parent if path and Path(path).parent.is_dir() else Path(workspace_root or os.getcwd())
    config = load_config(folder)
    shown = path or doc.uri
    if path and config.root:
        try:
            shown = Path(os.path.relpath(path, config.root)).as_posix()
        except ValueError:
            shown = path
    text = doc.source.replace("\r\n", "\n").replace("\r", "\n")
    return [replace(d, path=doc.uri) for d in lint_source(Source(text, shown, "txt", None), config)]


def build_server(debounce: float = DEBOUNCE) -> PlanServer:
    """The planparse language server with its features registered."""
    server = PlanServer(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.lint_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.lint_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False))
    def code_action(ls: PlanServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.actions(params)

    return server
