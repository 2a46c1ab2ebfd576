"""The `crawl_errors` kinds fanwire's code can write, read from the source itself (for the docs test).

A row of `crawl_errors` is made in two ways: a `CrawlErrorItem(kind=...)` (the spider, its
middlewares, the budgets, the WARC import) or a dict with `kind` and `detail` keys (the store
pipeline and the archive). Each `kind` expression is followed back to its string constants:
through local assignments (`kind, detail = "http_error", ...`), conditional expressions, the
returns of a function of the same module (`_failure_kind(failure)`, `skip[0]` of
`_skip_reason(response)`), the arguments a parameter named `kind` is given in that module
(`self._flood(url, "link_flood", ...)`), and the `kind` field of an object narrowed by
`isinstance` (`capture.kind` of an `Unreadable(url, kind, detail)`). An expression that cannot be
followed is reported, so new code cannot add a kind that escapes the docs test unseen.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers import ROOT

PACKAGES = ("scraper", "pipelines", "archive", "fanwire")
ERROR_ITEM = "CrawlErrorItem"
TYPES = {"int", "str", "float", "bytes", "bool"}


@dataclass
class Module:
    path: Path
    tree: ast.Module
    parents: dict[ast.AST, ast.AST] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node

    def enclosing_function(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node
        return None

    def functions(self, name: str) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
        return [n for n in ast.walk(self.tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                and n.name == name]

    def where(self, node: ast.AST) -> str:
        return f"{self.path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"


class Unresolved(Exception):
    """A kind expression the collector cannot follow back to constants."""


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


class KindCollector:
    def __init__(self, modules: list[Module]) -> None:
        self.modules = modules

    def resolve(self, module: Module, expr: ast.AST, index: int | None = None, depth: int = 0) -> set[str]:
        """The string constants `expr` (its element `index`, for a tuple) can evaluate to."""
        if depth > 8:
            raise Unresolved(module.where(expr))
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str) and index is None:
            return {expr.value}
        if isinstance(expr, ast.Tuple) and index is not None:
            return self.resolve(module, expr.elts[index], None, depth + 1)
        if isinstance(expr, ast.IfExp):
            return self.resolve(module, expr.body, index, depth + 1) | self.resolve(module, expr.orelse, index, depth + 1)
        if isinstance(expr, ast.Subscript) and index is None and isinstance(expr.slice, ast.Constant):
            return self.resolve(module, expr.value, expr.slice.value, depth + 1)
        if isinstance(expr, ast.Call):
            return self._returns(module, expr, index, depth)
        if isinstance(expr, ast.Name):
            return self._name(module, expr, index, depth)
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and index is None:
            return self._field(module, expr, depth)
        raise Unresolved(module.where(expr))

    def _returns(self, module: Module, call: ast.Call, index: int | None, depth: int) -> set[str]:
        functions = module.functions(_called_name(call) or "")
        if not functions:
            raise Unresolved(module.where(call))
        kinds: set[str] = set()
        for function in functions:
            returns = [n.value for n in ast.walk(function) if isinstance(n, ast.Return) and n.value is not None]
            for value in returns:
                if isinstance(value, ast.Constant) and value.value is None:
                    continue  # "no error"
                kinds |= self.resolve(module, value, index, depth + 1)
        return kinds

    def _name(self, module: Module, name: ast.Name, index: int | None, depth: int) -> set[str]:
        function = module.enclosing_function(name)
        if function is None:
            raise Unresolved(module.where(name))
        kinds: set[str] = set()
        found = False
        for node in ast.walk(function):
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == name.id:
                    kinds |= self.resolve(module, node.value, index, depth + 1)
                    found = True
                elif isinstance(target, ast.Tuple):
                    for i, element in enumerate(target.elts):
                        if isinstance(element, ast.Name) and element.id == name.id:
                            kinds |= self.resolve(module, node.value, i, depth + 1)
                            found = True
        parameters = [a.arg for a in function.args.args + function.args.kwonlyargs]
        if not found and name.id in parameters:
            kinds |= self._arguments(module, function, name.id, depth)
            found = True
        if not found:
            raise Unresolved(module.where(name))
        return kinds

    def _arguments(self, module: Module, function: ast.FunctionDef | ast.AsyncFunctionDef, parameter: str,
                   depth: int) -> set[str]:
        """What the calls of `function` in its module give `parameter`."""
        positional = [a.arg for a in function.args.args]
        position = positional.index(parameter) if parameter in positional else None
        if position is not None and positional[:1] in (["self"], ["cls"]):
            position -= 1
        kinds: set[str] = set()
        calls = [n for n in ast.walk(module.tree) if isinstance(n, ast.Call) and _called_name(n) == function.name]
        if not calls:
            raise Unresolved(module.where(function))
        for call in calls:
            given = [k.value for k in call.keywords if k.arg == parameter]
            if not given and position is not None and position < len(call.args):
                given = [call.args[position]]
            if not given:
                raise Unresolved(module.where(call))
            kinds |= self.resolve(module, given[0], None, depth + 1)
        return kinds

    def _field(self, module: Module, attribute: ast.Attribute, depth: int) -> set[str]:
        """`obj.kind` where an enclosing `isinstance(obj, Class)` says what `obj` is: what the
        constructions of Class, anywhere, give that field."""
        classes = set()
        node: ast.AST = attribute
        while node in module.parents:
            node = module.parents[node]
            if isinstance(node, ast.If) and isinstance(node.test, ast.Call) and _called_name(node.test) == "isinstance":
                obj, cls = node.test.args
                if isinstance(obj, ast.Name) and obj.id == attribute.value.id and isinstance(cls, ast.Name):
                    classes.add(cls.id)
        if not classes:
            raise Unresolved(module.where(attribute))
        kinds: set[str] = set()
        for other in self.modules:
            for definition in ast.walk(other.tree):
                if not (isinstance(definition, ast.ClassDef) and definition.name in classes):
                    continue
                fields = [s.target.id for s in definition.body
                          if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
                if attribute.attr not in fields:
                    raise Unresolved(module.where(attribute))
                position = fields.index(attribute.attr)
                for user in self.modules:
                    for call in ast.walk(user.tree):
                        if isinstance(call, ast.Call) and _called_name(call) == definition.name:
                            given = [k.value for k in call.keywords if k.arg == attribute.attr] or call.args[position:position + 1]
                            if not given:
                                raise Unresolved(user.where(call))
                            kinds |= self.resolve(user, given[0], None, depth + 1)
        if not kinds:
            raise Unresolved(module.where(attribute))
        return kinds


def error_kinds() -> dict[str, list[str]]:
    """Each kind the code can write to `crawl_errors`, with where it is written."""
    modules = [Module(path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
               for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))]
    collector = KindCollector(modules)
    kinds: dict[str, list[str]] = {}
    for module in modules:
        for node in ast.walk(module.tree):
            expr = None
            if isinstance(node, ast.Call) and _called_name(node) == ERROR_ITEM:
                expr = next((k.value for k in node.keywords if k.arg == "kind"), None)
                if expr is None:
                    raise Unresolved(f"{module.where(node)}: {ERROR_ITEM} without kind=")
            elif isinstance(node, ast.Dict):
                keys = {k.value: v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)}
                column_types = all(isinstance(v, ast.Name) and v.id in TYPES for v in node.values)
                if "kind" in keys and "detail" in keys and not column_types:  # a row, not a table's columns
                    expr = keys["kind"]
            if expr is not None:
                for kind in collector.resolve(module, expr):
                    kinds.setdefault(kind, []).append(module.where(node))
    return kinds
