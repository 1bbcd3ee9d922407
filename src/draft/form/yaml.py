"""A form's node tree → plain data, with where each value and key was written.

This is where YAML's ways of copying are undone and bounded: an ``*alias`` is expanded where it is
written, a ``<<`` merge brings in the keys of the mapping it names, and a copy that would never end
(an alias inside what it names) or that would grow without measure ("billion laughs") is refused at
the place it is written. Keys written twice, empty keys and tags a form may not use are told here
too; scalars are read by :class:`~draft.form.scalars.ScalarReader`.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from draft.form.compose import Alias, Mapping, Node, Scalar, Sequence
from draft.form.limits import MAX_CHARACTERS, MAX_DEPTH, MAX_NODES, TOO_DEEP, TOO_LONG_EXPANDED, TOO_MANY_EXPANDED
from draft.form.load_problems import LoadProblems
from draft.form.loaded import Mark
from draft.form.places import Path_
from draft.form.scalars import TAG, ScalarReader, unsupported_tag
from draft.form.source_text import SourceText
from draft.form.yaml_examples import quoted

EXAMPLE_LINE = "year: 2023"

_MERGE_TAG = TAG + "merge"
_SEQUENCE_TAGS = {None, "!", TAG + "seq"}
_MAPPING_TAGS = {None, "!", TAG + "map"}
_UNSEEN = object()


class _Entry(NamedTuple):
    key: str
    key_node: Node
    value_node: Node
    merged_at: Mark | None = None  # where the ``<<`` that copied it in is written


class ValueBuilder:
    """Turns the node tree into plain data, recording the mark of every value and key."""

    def __init__(self, source: SourceText, problems: LoadProblems) -> None:
        self.source = source
        self.problems = problems
        self.scalars = ScalarReader(source, problems)
        self.value_marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self._count = 0
        self._characters = 0
        # Where the outermost ``*alias`` or ``<<`` merge being expanded is written: a limit
        # broken while copying is told there.
        self._copy: Mark | None = None
        # Collections being built, and mappings whose merges are being
        # resolved: an alias to one of them would expand forever.
        self._open: set[int] = set()
        self._flattening: set[int] = set()
        # However often a node is aliased, it is converted and checked once.
        self._scalar_values: dict[int, Any] = {}
        self._entries_of: dict[int, list[_Entry]] = {}

    def root(self, node: Node | None) -> dict[str, Any]:
        if node is None or (isinstance(node, Scalar) and node.value == "" and not node.style):
            self.problems.stop(
                "表单是空的（没有任何内容，或者只有以 # 开头的注释）。"
                f"请按模板填写，每行写成“字段名: 内容”，例如“{EXAMPLE_LINE}”。"
            )
        if isinstance(node, Sequence):
            self.problems.stop(
                "表单最外层必须是“字段名: 内容”的形式，而这里是一个列表（以“- ”开头）。"
                f"请去掉最外层的“- ”，写成例如“{EXAMPLE_LINE}”；列表只能写在某个字段的下面。",
                node.mark,
            )
        if not isinstance(node, Mapping):
            self.problems.stop(
                "整个表单被读成了一段文字，而不是“字段名: 内容”的形式。"
                f"每一行应写成“字段名: 内容”（英文冒号，后面加一个空格），例如“{EXAMPLE_LINE}”。{self._colon_hint()}",
                node.mark,
            )
        data: dict[str, Any] = self._value(node, (), 0)
        return data

    def _colon_hint(self) -> str:
        if "：" in self.source.text:
            return "文件里用了中文冒号“：”，请改成英文冒号“:”，并在后面加一个空格。"
        if re.search(r":\S", self.source.text):
            return "请注意冒号后面要有一个空格。"
        return ""

    def _value(self, node: Node, path: Path_, depth: int) -> Any:
        self.value_marks[path] = node.mark
        return self._build(node, path, depth)

    def _build(self, node: Node, path: Path_, depth: int) -> Any:
        if isinstance(node, Alias):
            return self._expand(node, path, depth)
        self._count += 1
        if self._count > MAX_NODES:
            # Only aliases get here: the composer has already counted what is written.
            self.problems.stop(TOO_MANY_EXPANDED, self._copy or node.mark, path)
        if isinstance(node, Scalar):
            return self._scalar(node, path)
        if depth >= MAX_DEPTH:  # reachable through aliases, which nest what they copy
            self.problems.stop(TOO_DEEP, node.mark, path)
        self._open.add(id(node))
        try:
            if isinstance(node, Sequence):
                self._check_tag(node.tag, _SEQUENCE_TAGS, node.mark, path)
                return [self._value(item, (*path, index), depth + 1) for index, item in enumerate(node.items)]
            self._check_tag(node.tag, _MAPPING_TAGS, node.mark, path)
            return self._mapping(node, path, depth)
        finally:
            self._open.discard(id(node))

    def _expand(self, alias: Alias, path: Path_, depth: int) -> Any:
        if alias.target is None:
            self._undefined(alias, path)
            return None
        if id(alias.target) in self._open:
            self._self_reference(alias, path)
            return None
        outer = self._copy
        self._copy = outer or alias.mark
        try:
            return self._build(alias.target, path, depth)
        finally:
            self._copy = outer

    def _count_characters(self, text: str, mark: Mark, path: Path_) -> None:
        self._characters += len(text)
        if self._characters > MAX_CHARACTERS:
            # Only copies get here: the file itself holds fewer characters than MAX_BYTES.
            self.problems.stop(TOO_LONG_EXPANDED, self._copy or mark, path)

    def _undefined(self, alias: Alias, path: Path_) -> None:
        self.problems.error(
            f"“*{alias.name}”引用的“&{alias.name}”没有定义（YAML 里“*”表示引用前面用“&”标记的内容）。"
            f"如果这里只是以“*”开头的文字，请给整个内容加上英文引号，例如 {quoted('*' + alias.name)}。",
            alias.mark,
            path,
        )

    def _self_reference(self, alias: Alias, path: Path_) -> None:
        self.problems.error(f"“*{alias.name}”引用了包含它自己的内容，会无限展开。请删掉这个引用。", alias.mark, path)

    def _check_tag(self, tag: str | None, allowed: set[str | None], mark: Mark, path: Path_) -> None:
        if tag not in allowed:
            unsupported_tag(self.problems, str(tag), mark, path)

    # Scalars

    def _scalar(self, node: Scalar, path: Path_) -> Any:
        value = self._scalar_values.get(id(node), _UNSEEN)
        if value is _UNSEEN:
            value = self._scalar_values[id(node)] = self.scalars.value(node, path)
        self._count_characters(node.value, node.mark, path)
        return value

    # Mappings

    def _mapping(self, node: Mapping, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for entry in self._entries(node, path, depth):
            key_path = (*path, entry.key)
            outer = self._copy
            self._copy = outer or entry.merged_at
            try:
                self._count_characters(entry.key, entry.key_node.mark, key_path)
                self.key_marks[key_path] = entry.key_node.mark
                result[entry.key] = self._value(entry.value_node, key_path, depth + 1)
            finally:
                self._copy = outer
        return result

    def _entries(self, node: Mapping, path: Path_, depth: int) -> list[_Entry]:
        """The mapping's keys and values after ``<<`` merges, checked once per mapping."""
        entries = self._entries_of.get(id(node))
        if entries is None:
            self._flattening.add(id(node))
            try:
                entries = self._flatten(node, path, depth)
            finally:
                self._flattening.discard(id(node))
            self._entries_of[id(node)] = entries
        return entries

    def _flatten(self, node: Mapping, path: Path_, depth: int) -> list[_Entry]:
        merged: list[_Entry] = []
        explicit: dict[str, _Entry] = {}
        for key_node, value_node in zip(node.items[::2], node.items[1::2], strict=True):
            if isinstance(key_node, Scalar) and key_node.tag == _MERGE_TAG:
                merged.extend(self._merge_sources(value_node, path, depth))
                continue
            key = self._key(key_node, path)
            if key is None:
                continue
            earlier = explicit.get(key)
            if earlier is not None:
                self._duplicate(key, earlier.key_node, key_node, path)
            explicit[key] = _Entry(key, key_node, value_node)
        # As in PyYAML: merged entries first, in order, so that later ones and
        # then the mapping's own keys override them.
        entries: dict[str, _Entry] = {}
        for entry in (*merged, *explicit.values()):
            entries[entry.key] = entry
        return list(entries.values())

    def _duplicate(self, key: str, first: Node, second: Node, path: Path_) -> None:
        self.problems.error(
            f"“{key}”写了两次（第{first.mark.line}行和第{second.mark.line}行）。"
            "YAML 只保留后一个，前一个的内容会丢失。请删除或合并其中一个。",
            second.mark,
            (*path, key),
        )

    def _key(self, node: Node, path: Path_) -> str | None:
        """The key's text as written, or None after reporting why it cannot be a key."""
        target = node.target if isinstance(node, Alias) else node
        if isinstance(node, Alias) and target is None:
            self._undefined(node, path)
            return None
        if not isinstance(target, Scalar):
            self.problems.error(
                "字段名必须是一段普通文字，这里却是一个列表或字典。"
                "请检查这一行：字段名不能以“[”“{”“?”开头；确有需要时请给字段名加上英文引号。",
                node.mark,
                path,
            )
            return None
        if target.style == '"':
            self.scalars.check_escapes(target, path)
        if target.value == "":
            self.problems.error("这里的字段名是空的。请在冒号前写上字段名，或删掉这一行。", node.mark, path)
            return None
        return target.value

    def _merge_sources(self, node: Node, path: Path_, depth: int) -> list[_Entry]:
        """The entries a ``<<`` key brings in: from one mapping, or from a list of them (first wins)."""
        if depth >= MAX_DEPTH:  # a chain of merges, each merging the one before
            self.problems.stop(TOO_DEEP, node.mark, path)
        target = node.target if isinstance(node, Alias) else node
        sources = target.items if isinstance(target, Sequence) else [node]
        mappings: list[Mapping] = []
        for source in sources:
            if isinstance(source, Alias) and source.target is None:
                self._undefined(source, path)
                return []
            mapping = source.target if isinstance(source, Alias) else source
            if not isinstance(mapping, Mapping):
                self.problems.error(
                    "“<<”表示合并另一个字典，它后面必须是对字典的引用（例如“<<: *默认值”）。"
                    "如果“<<”是字段名的一部分，请给它加上英文引号。",
                    node.mark,
                    path,
                )
                return []
            if id(mapping) in self._open or id(mapping) in self._flattening:
                self.problems.error("“<<”合并的内容包含它自己，会无限展开。请删掉这个合并。", node.mark, path)
                return []
            mappings.append(mapping)
        entries: list[_Entry] = []
        for mapping in reversed(mappings):
            entries.extend(entry._replace(merged_at=node.mark) for entry in self._entries(mapping, path, depth + 1))
        return entries
