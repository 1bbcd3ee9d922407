"""The Python code a wording template compiles to, reporting its work to the form's budget as it runs.

Jinja's code generator, with four places where a template does work the sandbox's own hooks
(calls, attributes, operators, filters) never see: each turn of a ``for`` loop, each ``~``,
each list, tuple or dict written in the template, and everything written out — ``{{ … }}``
goes through the environment's ``finalize``, the template's own text through
:meth:`~draft.render.template_budget.Budget.emit` here. See :mod:`draft.render.template_budget`.
"""

from __future__ import annotations

from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame


class BudgetedCode(CodeGenerator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iterables: set[int] = set()  # the ids of what the loops walk, while code is written for them

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._loop_iterables.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) not in self._loop_iterables:
            return super().visit(node, *args, **kwargs)
        self.write("environment.budget.iterate(")  # a step of work per turn of the loop
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self._made(super().visit_Concat, node, frame)

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._made(super().visit_List, node, frame)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._made(super().visit_Dict, node, frame)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx == "store":  # the names a loop or a set assigns to: nothing is made
            super().visit_Tuple(node, frame)
        else:
            self._made(super().visit_Tuple, node, frame)

    def _made(self, visit: Any, node: nodes.Node, frame: Frame) -> None:
        self.write("environment.budget.made(")
        visit(node, frame)
        self.write(")")

    def _output_const_repr(self, group: Any) -> str:
        return f"environment.budget.emit({super()._output_const_repr(group)})"
