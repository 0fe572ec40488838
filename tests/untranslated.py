"""Find visible text left out of translation: `python3 -m tests.untranslated [PATH ...]`.

A string literal (or the literal part of an f-string) that reads as words for people is
reported when it is not inside a translation call its extractor sees: `tr`, `translate`,
`QT_TRANSLATE_NOOP` (Qt, in ui/) or `_`, `N_`, `ngettext`, `pgettext`, `npgettext`
(gettext, in the core and the HQ). Left alone: docstrings, log messages, object names,
style sheets, settings keys, regular expressions, SQL, comparisons, subscripts, and any
statement whose first line ends
with the comment `# i18n: not shown` (text only developers see, such as exception details,
or words matched rather than shown, such as the column names an importer recognises).
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

# What each extractor sees: pyside6-lupdate only these names (an alias such as
# `t = QCoreApplication.translate` hides the text from it), Babel the gettext ones.
QT_TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "QT_TRANSLATE_NOOP3"}
GETTEXT_TRANSLATING = {"_", "N_", "gettext", "ngettext", "pgettext", "npgettext"}
# Calls whose string arguments are never shown to people.
NOT_SHOWN = {
    "setObjectName", "objectName", "setStyleSheet", "setProperty", "property", "findChild",
    "findChildren", "value", "setValue", "contains", "remove", "getattr", "setattr",
    "hasattr", "startswith", "endswith", "split", "rsplit", "partition", "rpartition",
    "replace", "strip", "lstrip", "rstrip", "compile", "match", "search", "sub", "subn",
    "fullmatch", "findall", "finditer", "escape", "text", "execute", "exec_driver_sql",
    "QKeySequence", "fromString", "setShortcut", "QIcon", "fromTheme", "Signal", "Slot",
    "Property", "encode", "decode", "environ", "get", "getenv", "setdefault", "pop",
    "strftime", "strptime", "fromisoformat", "isoformat", "ZoneInfo", "open", "Path",
    "joinpath", "with_suffix", "glob", "rglob", "files", "mkdtemp", "NamedTemporaryFile",
    "TemporaryDirectory", "namedtuple", "TypeVar", "cast", "warn", "filterwarnings",
    "add_argument", "ArgumentParser", "exit", "format_exception", "struct", "pack",
    "unpack", "index", "count", "lower", "upper", "casefold", "normalize", "register_font",
    "registerFont", "TTFont", "setFont", "QFont", "setFontFamily", "mimeData", "setData",
    "hasFormat", "QUrl", "fromLocalFile", "setScheme", "mark", "parametrize", "fixture",
    "skipif", "skip", "importorskip", "QRegularExpression", "setPattern", "hex", "urljoin",
    "urlencode", "quote", "header", "headers", "cookie", "set_cookie", "Column", "ForeignKey",
    "Index", "UniqueConstraint", "CheckConstraint", "relationship", "mapped_column",
    "String", "op", "execute_sql", "create_index", "add_column", "drop_column",
}
LOGGERS = re.compile(r"^_?(log|logger|LOG|LOGGER|logging)$")
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}
PLACEHOLDER = "\x00"
_WORD = re.compile(r"[^\W\d_]{2,}")
_PROSE = re.compile(r"[^\W\d_]{2,}[\s,.;:!?…'’-]+[^\W\d_]")
_CAPITALISED = re.compile(r"^\W*[A-Z][a-z]{2,}")
_ONE_WORD = re.compile(r"^[A-Z][a-z]{2,}$")  # "Description": a caption, not a key
_NOT_PROSE = re.compile(
    r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|PRAGMA|BEGIN)\b"  # SQL
    r"|^[\w.:/\\-]*$"  # identifiers, dotted names, paths, URLs, keys
    r"|^[#@]\w"  # HXL hashtags, decorators
    r"|^%[-#0-9a-zA-Z]"  # printf and strftime formats
    r"|^(Ctrl|Alt|Shift|Meta)\+"  # key sequences (Ctrl+K)
    r"|^\{(https?|urn):"  # XML qualified names ({http://www.w3.org/…}lang)
    r"|^[\w-]+="  # key=value options (lp -o page-ranges=1-2)
    r"|^[yMdHhmsAap:./ -]+$"  # date and time formats (yyyy-MM-dd HH:mm)
    r"|^\S*\s?\S*\.(json|csv|pdf|vcf|txt|db|png|md|html|qm|ts|po|mo)$"  # file names
    r"|[{};]\s*$|^\s*[\w-]+\s*:\s*[^:]+;"  # CSS
)
EXEMPT = "# i18n: not shown"


@dataclass(frozen=True)
class Untranslated:
    """Text that reads as words for people and is not passed through a translation."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def reads_as_words(text: str) -> bool:
    """Whether a literal is text for people rather than a key, a format or code."""
    bare = re.sub(r"<[^>]*>", " ", text.replace(PLACEHOLDER, " ")).strip()
    if _ONE_WORD.match(bare):
        return True
    if not _WORD.search(bare) or _NOT_PROSE.search(bare):
        return False
    return bool(_PROSE.search(bare) or _CAPITALISED.match(bare))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_log_call(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Attribute) and func.attr in LOG_METHODS
            and isinstance(func.value, ast.Name) and bool(LOGGERS.match(func.value.id)))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _exempt_lines(source: str) -> set[int]:
    lines = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and token.string.startswith(EXEMPT):
            lines.add(token.start[0])
    return lines


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, source: str, tree: ast.AST, translating: set[str]) -> None:
        self.path = path
        self.translating = translating
        self.skip_ids = _docstrings(tree)
        self.exempt = _exempt_lines(source)
        self.found: list[Untranslated] = []

    def visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.stmt) and node.lineno in self.exempt:
            return
        super().visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        if name in self.translating or name in NOT_SHOWN or _is_log_call(node):
            self.visit(node.func)
            return
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        return  # "== 'Draft'" compares stored values

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.visit(node.value)

    def visit_Assert(self, node: ast.Assert) -> None:
        return

    def visit_Raise(self, node: ast.Raise) -> None:
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        for value in node.values:
            self.visit(value)  # keys are lookups, not text

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        text = "".join(part.value if isinstance(part, ast.Constant) else PLACEHOLDER
                       for part in node.values)
        self._check(node, text)
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                self.visit(part.value)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and id(node) not in self.skip_ids:
            self._check(node, node.value)

    def _check(self, node: ast.expr, text: str) -> None:
        end = getattr(node, "end_lineno", node.lineno) or node.lineno
        if any(line in self.exempt for line in range(node.lineno, end + 1)):
            return
        if reads_as_words(text):
            self.found.append(Untranslated(self.path, node.lineno,
                                           text.replace(PLACEHOLDER, "{…}")))


def scan_file(path: Path, *, root: Path | None = None) -> list[Untranslated]:
    """Untranslated text in one Python file."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    shown = str(path.relative_to(root)) if root else str(path)
    qt = "ui" in path.resolve().parts
    scanner = _Scanner(shown, source, tree, QT_TRANSLATING if qt else GETTEXT_TRANSLATING)
    scanner.visit(tree)
    return scanner.found


def scan(paths: list[Path], *, root: Path | None = None) -> list[Untranslated]:
    """Untranslated text in the Python files under `paths`."""
    found = []
    for path in paths:
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            found += scan_file(file, root=root)
    return found


def main(argv: list[str]) -> int:
    """Print each untranslated text as path:line: 'text'; exit 1 when there is any."""
    root = Path(__file__).resolve().parent.parent
    found = scan([Path(arg) for arg in argv] or [root / "ui"], root=None)
    for item in found:
        print(item)
    print(f"{len(found)} untranslated", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
