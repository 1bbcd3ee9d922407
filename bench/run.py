#!/usr/bin/env python3
"""draft build, measured side by side with pandoc and docxtpl on the same content.

    bench/run                 # from a clean checkout: makes .venv, installs draft[bench], runs this
    python bench/run.py       # with a Python where draft is installed (it installs the bench extra)

Prints one markdown table of the measurements and one of the targets (see the issue
"Fast as the limit allows"). Everything is measured in this one run, on this machine:

* cold: a whole process, median of ``--rounds`` runs after a warm-up run, the tools
  taking turns so that a noisy moment hits them alike. ``draft build`` of the seed-sized
  form (examples/luohu-2022.yaml); pandoc (markdown → docx with a reference.docx carrying
  draft's styles) and docxtpl (a template carrying draft's styles, a Jinja loop over the
  blocks) writing the same document — same text, headings and styles; the import floor:
  a bare Python that imports exactly the modules a build imports, less draft's own;
  and ``python -c pass``.
* in-process: the time per document over 200 builds of different forms in one process,
  as a batch worker does them (draft: read, validate, render, write; and with the check
  ``draft build`` runs; docxtpl: open the template, render, save).
* batch: ``draft build`` over 1,000 forms made from the examples with varied text, and
  pandoc run once per form on the same 1,000 documents, two at a time (both cores).
* a form 10× the seed's size: cold and in-process, to show how cost grows with size.
* peak memory (RSS) of each process; for the batch also the sum over draft's processes
  (PSS, sampled: shared pages counted once).

pandoc and docxtpl are benchmark-only: the bench installs the ``bench`` extra
(pyproject.toml) and pandoc (apt-get, as root) when they are missing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "luohu-2022.yaml"
EXAMPLES = [REPO / "examples" / "luohu-2022.yaml", REPO / "examples" / "zhonglou-2023.yaml"]
PY = sys.executable
#: The children run as a user's would: bytecode caches written and used (this sandbox turns them off).
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME")}


# --- setup ------------------------------------------------------------------------------------


def ensure_extras() -> None:
    try:
        import docxtpl  # noqa: F401
        import psutil  # noqa: F401

        import draft  # noqa: F401
    except ImportError:
        import tomllib

        extra = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]["bench"]
        say(f"installing the bench extra: {' '.join(extra)}")
        subprocess.run([PY, "-m", "pip", "install", "-q", *extra], check=True)
        try:
            import draft  # noqa: F401
        except ImportError:
            subprocess.run([PY, "-m", "pip", "install", "-q", "-e", str(REPO)], check=True)


def ensure_pandoc() -> str | None:
    found = shutil.which("pandoc")
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        say("installing pandoc (apt-get)")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        subprocess.run(["apt-get", "update", "-qq"], check=False, **quiet)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "pandoc"], check=False, env=env, **quiet)
        return shutil.which("pandoc")
    say("pandoc is missing and cannot be installed here (apt-get as root): its columns stay empty")
    return None


def draft_command() -> list[str]:
    script = Path(PY).with_name("draft")
    return [str(script)] if script.exists() else [PY, "-m", "draft"]


def say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


# --- running and timing children --------------------------------------------------------------


class Run:
    def __init__(self, wall: float, rss_kb: int) -> None:
        self.wall, self.rss_kb = wall, rss_kb


def run(cmd: list[str], *, cwd: Path | None = None, stdout=subprocess.DEVNULL) -> Run:
    """Run ``cmd``; its wall time and its own peak RSS (wait4 reports each child's)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=stdout, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({process.returncode}):\n{errors.read().decode()[-2000:]}")
    return Run(wall, usage.ru_maxrss)


def child(mode: str, *args: object) -> dict:
    """Run this script in ``--child`` mode and return the JSON it prints, with its peak RSS."""
    out = subprocess.run([PY, __file__, "--child", mode, *map(str, args)], env=ENV, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_ms(runs: list[Run]) -> float:
    return statistics.median(r.wall for r in runs) * 1000


def max_rss_mb(runs: list[Run]) -> float:
    return max(r.rss_kb for r in runs) / 1024


# --- the same content for every tool ------------------------------------------------------------


def blocks_of(form: Path) -> tuple[str, list]:
    """The title and blocks draft renders for ``form`` (what every tool writes)."""
    from draft.form.read import read_form
    from draft.render.blocks import render
    from draft.word.writer import style_of

    document = render(read_form(form).report, _wording())
    blocks = []
    for block in document.blocks:
        runs = []
        for span in block.spans:
            style = f"Heading{span.heading_level}Char" if span.heading_level else None
            runs.append({"style": style, "pieces": [p for p in re.split(r"([\t\n])", span.text) if p]})
        blocks.append({"style": style_of(block), "runs": runs})
    return document.title, blocks


_WORDING = []


def _wording():
    if not _WORDING:
        from draft.render.wording import Wording

        _WORDING.append(Wording())
    return _WORDING[0]


#: draft's style ids → the style names pandoc's custom-style looks up in the reference document.
PANDOC_STYLES = {
    "Normal": "Normal", "Recipient": "主送机关", "Signature": "落款", "SignatureDate": "成文日期",
    "Heading1Char": "标题 1 字符", "Heading2Char": "标题 2 字符", "Heading3Char": "标题 3 字符", "Heading4Char": "标题 4 字符",
}


def markdown(blocks: list) -> str:
    """Pandoc markdown for the blocks: the title as metadata, headings as #…####, the rest in draft's styles."""

    def inline(runs: list) -> str:
        out = []
        for r in runs:
            # Markdown's own marks escaped (a paragraph starting "1." is no list); a line break is "\\" + newline.
            text = "".join("\\\n" if p == "\n" else re.sub(r"([\\`*_{}\[\]<>#+\-.!|$~^@])", r"\\\1", p) for p in r["pieces"])
            out.append(f"[{text}]{{custom-style=\"{PANDOC_STYLES[r['style']]}\"}}" if r["style"] else text)
        return "".join(out)

    title = blocks[0]
    lines = ["---", "title: |", *("  " + line for line in inline(title["runs"]).split("\n")), "---", ""]
    for block in blocks[1:]:
        style = block["style"]
        if style.startswith("Heading"):
            lines += ["#" * int(style[-1]) + " " + inline(block["runs"]), ""]
        else:
            lines += [f'::: {{custom-style="{PANDOC_STYLES[style]}"}}', inline(block["runs"]), ":::", ""]
    return "\n".join(lines)


def docxtpl_template(built_docx: Path, target: Path) -> None:
    """A docxtpl template: a draft build's package (its styles, page, footers) with a Jinja loop for a body."""
    loop = (
        "{% for b in blocks %}"
        '<w:p><w:pPr><w:pStyle w:val="{{ b.style }}"/></w:pPr>'
        "{% for r in b.runs %}<w:r>"
        '{% if r.style %}<w:rPr><w:rStyle w:val="{{ r.style }}"/></w:rPr>{% endif %}'
        "{% for p in r.pieces %}"
        '{% if p == "\\n" %}<w:br/>{% elif p == "\\t" %}<w:tab/>{% else %}<w:t xml:space="preserve">{{ p }}</w:t>{% endif %}'
        "{% endfor %}</w:r>{% endfor %}</w:p>"
        "{% endfor %}"
    )
    with zipfile.ZipFile(built_docx) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "word/document.xml":
                text = blob.decode()
                start = text.index("<w:body>") + len("<w:body>")
                text = text[:start] + loop + text[text.index("<w:sectPr", start):]
                blob = text.encode()
            out.writestr(info, blob)


# --- forms ------------------------------------------------------------------------------------

DISTRICTS = ["罗湖", "福田", "南山", "宝安", "龙岗", "盐田", "龙华", "坪山", "光明", "钟楼", "天宁", "新北", "武进", "金坛"]
DEPARTMENTS = [
    "人力资源局", "司法局", "民政局", "教育局", "卫生健康局",
    "市场监督管理局", "生态环境局", "住房和建设局", "交通运输局", "文化广电旅游体育局",
]
SWAPS = [("加强", "强化"), ("推进", "推动"), ("完善", "健全"), ("提升", "提高")]


def with_texts(value, change):
    """A form's content ``value`` with ``change`` applied to each of its texts (layouts left alone)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [with_texts(v, change) for v in value]
    if isinstance(value, dict):
        return {key: v if key == "layout" else with_texts(v, change) for key, v in value.items()}
    return value


def varied_form(i: int) -> str:
    """Form ``i`` of the batch: an example with another unit, some words changed, and every
    paragraph its own (the form's number added to it): departments do not share paragraphs,
    so no tool may gain by remembering them."""
    import yaml

    text = EXAMPLES[i % 2].read_text(encoding="utf-8")
    for n, (a, b) in enumerate(SWAPS):
        if i >> n & 1:
            text = text.replace(a, b)
    data = yaml.safe_load(text)
    data["unit"] = f"{DISTRICTS[i % len(DISTRICTS)]}区{DEPARTMENTS[(i // len(DISTRICTS)) % len(DEPARTMENTS)]}{i}"

    def own(text: str) -> str:
        return "\n\n".join(f"{paragraph.strip()}（{i}）" for paragraph in text.strip().split("\n\n"))

    for key in ("intro", "responsibility", "measures", "shortcomings", "plans", "others"):
        if key in data:
            data[key] = with_texts(data[key], own)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


def big_form(times: int = 10) -> str:
    """The seed form with every part's content ``times`` over (each copy worded a little differently)."""
    import yaml

    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))

    def vary(value, k):
        return with_texts(value, lambda text: text if k == 0 else text + f"（第{k + 1}组）")

    data["intro"] = "\n\n".join(vary(data["intro"].strip(), k) for k in range(times))
    for part in ("measures", "shortcomings", "responsibility", "plans", "others"):
        node = data.get(part)
        if not isinstance(node, dict):
            continue
        for key in ("items", "points"):
            if node.get(key):
                node[key] = [vary(entry, k) for k in range(times) for entry in node[key]]
        if node.get("text"):
            node["text"] = "\n\n".join(vary(node["text"].strip(), k) for k in range(times))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


# --- child modes (run in their own process) ----------------------------------------------------


def child_main(mode: str, args: list[str]) -> None:
    import gc
    import resource

    if mode == "floor-modules":
        # What a build imports, less draft's own and what a bare interpreter has already.
        bare = set(sys.modules)
        from draft.cli import main

        sys.argv = ["draft", "build", args[0], "-o", args[1]]
        try:
            main()
        except SystemExit:
            pass
        names = sorted(m for m in set(sys.modules) - bare if not (m == "draft" or m.startswith("draft.") or m.startswith("__")))
        print(json.dumps({"modules": names}))
        return
    if mode == "draft-loop":
        from draft.build import BuildOptions, build_form, build_one

        forms = [Path(line) for line in Path(args[0]).read_text().splitlines()]
        out = Path(args[1])
        options = BuildOptions(force=True)
        build_one(forms[0], out, options)  # warm-up: first-use costs are the cold run's
        gc.collect()
        gc.freeze()  # as a batch worker: what the modules hold is never collected again
        timings: dict[str, list[float]] = {"build": [], "check+build": []}
        for form in forms:
            start = time.perf_counter()
            build_form(form, out, options)
            gc.collect()
            timings["build"].append(time.perf_counter() - start)
        for form in forms:
            start = time.perf_counter()
            build_one(form, out, options)
            gc.collect()
            timings["check+build"].append(time.perf_counter() - start)
        result = {k: statistics.median(v) * 1000 for k, v in timings.items()}
        result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    if mode == "docxtpl-loop":
        from docxtpl import DocxTemplate

        template, contexts, out = Path(args[0]), Path(args[1]), Path(args[2])
        files = sorted(contexts.glob("*.json"))
        times = []
        for n, path in enumerate([files[0], *files]):
            context = json.loads(path.read_text(encoding="utf-8"))
            start = time.perf_counter()
            document = DocxTemplate(template)
            document.render(context, autoescape=True)
            document.save(out / f"{path.stem}.docx")
            gc.collect()
            if n:  # the first is the warm-up
                times.append(time.perf_counter() - start)
        print(json.dumps({"per_doc": statistics.median(times) * 1000, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
        return
    raise SystemExit(f"unknown child mode {mode}")


# --- the bench --------------------------------------------------------------------------------


def sample_tree_memory(pid: int, stop: threading.Event, peak: dict) -> None:
    """Peak of the summed RSS and PSS of ``pid`` and its children, sampled every 100 ms."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        rss = pss = 0
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for proc in procs:
            try:
                info = proc.memory_full_info()
            except psutil.Error:
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
            if proc.pid != pid:
                peak["worker_rss"] = max(peak.get("worker_rss", 0), info.rss)
        peak["rss"], peak["pss"] = max(peak.get("rss", 0), rss), max(peak.get("pss", 0), pss)
        stop.wait(0.1)


def timed_tree(cmd: list[str], cwd: Path) -> tuple[Run, dict]:
    """Run ``cmd`` and sample its process tree's memory meanwhile."""
    peak: dict = {}
    stop = threading.Event()
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=errors)
        sampler = threading.Thread(target=sample_tree_memory, args=(process.pid, stop, peak), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        stop.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{cmd} failed:\n{errors.read().decode()[-2000:]}")
    return Run(wall, usage.ru_maxrss), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=11, help="cold runs per tool after the warm-up (default 11)")
    parser.add_argument("--batch", type=int, default=1000, help="forms in the batch (default 1000)")
    parser.add_argument("--loop", type=int, default=200, help="builds in the in-process loop (default 200)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child_main(options.child[0], options.child[1:])
        return

    began = time.perf_counter()
    ensure_extras()
    pandoc = ensure_pandoc()
    work = Path(tempfile.mkdtemp(prefix="draft-bench-"))
    try:
        results = bench(options, work, pandoc)
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"work folder kept: {work}")
    print(report(results, time.perf_counter() - began))


def bench(options: argparse.Namespace, work: Path, pandoc: str | None) -> dict:
    import platform

    draft = draft_command()
    r: dict = {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.platform()}",
        "batch_n": options.batch,
        "loop_n": options.loop,
    }

    # The seed as every tool gets it.
    say("preparing the content")
    seed_dir = work / "seed"
    seed_dir.mkdir()
    seed_form = seed_dir / "report.yaml"
    seed_form.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    big = seed_dir / "big.yaml"
    big.write_text(big_form(10), encoding="utf-8")
    run(draft + ["build", str(seed_form), str(big), "-o", str(seed_dir / "draft")])
    reference = seed_dir / "draft" / "report.docx"
    template = seed_dir / "template.docx"
    docxtpl_template(reference, template)
    for name, form in (("seed", seed_form), ("big", big)):
        title, blocks = blocks_of(form)
        (seed_dir / f"{name}.md").write_text(markdown(blocks), encoding="utf-8")
        (seed_dir / f"{name}.json").write_text(json.dumps({"blocks": blocks}, ensure_ascii=False), encoding="utf-8")
        r[f"{name}_paragraphs"] = len(blocks)
    (seed_dir / "docxtpl_one.py").write_text(
        "import json, sys\nfrom docxtpl import DocxTemplate\n"
        "context = json.load(open(sys.argv[2], encoding='utf-8'))\n"
        "document = DocxTemplate(sys.argv[1])\ndocument.render(context, autoescape=True)\ndocument.save(sys.argv[3])\n",
        encoding="utf-8",
    )
    modules = child("floor-modules", seed_form, seed_dir / "floor-out")["modules"]
    (seed_dir / "floor.py").write_text(
        "import importlib\nfor name in " + repr(modules) + ":\n"
        "    try:\n        importlib.import_module(name)\n    except Exception:\n        pass\n",
        encoding="utf-8",
    )
    packages = {"click", "yaml", "cerberus", "jinja2", "docx", "lxml", "markupsafe"}
    r["floor_top"] = sorted({m.split(".")[0] for m in modules if not m.startswith("_")} & packages)

    def tools(form: str) -> dict[str, list[str]]:
        out = seed_dir / "out"
        commands = {
            "draft": draft + ["build", str(seed_dir / f"{form}.yaml" if form == "big" else seed_form), "-o", str(out / "draft")],
            "docxtpl": [PY, str(seed_dir / "docxtpl_one.py"), str(template), str(seed_dir / f"{form}.json"), str(out / "docxtpl.docx")],
        }
        if pandoc:
            commands["pandoc"] = [pandoc, str(seed_dir / f"{form}.md"), "-o", str(out / "pandoc.docx"), "--reference-doc", str(reference)]
        if form == "seed":
            commands["floor"] = [PY, str(seed_dir / "floor.py")]
            commands["python"] = [PY, "-c", "pass"]
        return commands

    (seed_dir / "out" / "draft").mkdir(parents=True)
    for form, rounds in (("seed", options.rounds), ("big", max(3, options.rounds // 2))):
        say(f"cold runs, {'seed-sized' if form == 'seed' else '10×'} form: {rounds} rounds + warm-up")
        commands = tools(form)
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for n in range(rounds + 1):
            for name, command in commands.items():
                for old in (seed_dir / "out" / "draft").glob("*.docx"):
                    old.unlink()
                result = run(command)
                if n:
                    runs[name].append(result)
        r[f"cold_{form}"] = {name: {"ms": median_ms(v), "rss": max_rss_mb(v)} for name, v in runs.items()}

    # Forms for the batch and the in-process loops.
    say(f"writing {options.batch} forms with varied text")
    batch = work / "batch"
    (batch / "inputs").mkdir(parents=True)
    forms = []
    for i in range(options.batch):
        form = batch / "inputs" / f"{i:04d}.yaml"
        form.write_text(varied_form(i), encoding="utf-8")
        forms.append(form)
    loop_forms = forms[: options.loop]
    (work / "loop.txt").write_text("\n".join(map(str, loop_forms)))
    contexts = work / "contexts"
    contexts.mkdir()
    if pandoc:
        (batch / "md").mkdir()
    say("rendering the same documents for pandoc and docxtpl")
    for i, form in enumerate(forms):
        title, blocks = blocks_of(form)
        if pandoc:
            (batch / "md" / f"{form.stem}.md").write_text(markdown(blocks), encoding="utf-8")
        if i < options.loop:
            (contexts / f"{form.stem}.json").write_text(json.dumps({"blocks": blocks}, ensure_ascii=False), encoding="utf-8")

    say(f"in-process: {options.loop} builds in one process")
    (work / "loop-out").mkdir()
    r["loop_draft"] = child("draft-loop", work / "loop.txt", work / "loop-out")
    r["loop_docxtpl"] = child("docxtpl-loop", template, contexts, work / "loop-out")
    (work / "big.txt").write_text("\n".join([str(big)] * max(10, options.loop // 10)))
    r["loop_big"] = child("draft-loop", work / "big.txt", work / "loop-out")

    say(f"batch: draft build over {options.batch} forms")
    run_, peak = timed_tree(draft + ["build"], cwd=batch)
    built = len(list((batch / "output").glob("*.docx")))
    if built != options.batch:
        raise RuntimeError(f"draft build wrote {built} of {options.batch} documents")
    r["batch_draft"] = {"s": run_.wall, "parent_rss": run_.rss_kb / 1024, "tree_rss": peak.get("rss", 0) / 2**20,
                        "tree_pss": peak.get("pss", 0) / 2**20, "worker_rss": peak.get("worker_rss", 0) / 2**20}
    if pandoc:
        say(f"batch: pandoc once per form on the same {options.batch} documents, two at a time")
        (batch / "pandoc").mkdir()
        jobs = [[pandoc, str(batch / "md" / f"{f.stem}.md"), "-o", str(batch / "pandoc" / f"{f.stem}.docx"),
                 "--reference-doc", str(reference)] for f in forms]
        start = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:
            pandoc_runs = list(pool.map(run, jobs))
        r["batch_pandoc"] = {"s": time.perf_counter() - start, "rss": max_rss_mb(pandoc_runs)}
    return r


def report(r: dict, seconds: float) -> str:
    seed, big = r["cold_seed"], r["cold_big"]
    d, floor = seed["draft"]["ms"], seed["floor"]["ms"]
    dt = seed["docxtpl"]["ms"]
    pd = seed.get("pandoc", {}).get("ms")
    loop, tpl, loop_big = r["loop_draft"], r["loop_docxtpl"], r["loop_big"]
    batch, pbatch = r["batch_draft"], r.get("batch_pandoc")
    batch_n = r["batch_n"]
    batch_limit = 10 * batch_n / 1000  # a smaller batch (--batch) is held to its share of the 10 s
    dash = "—"

    def ms(v: float | None) -> str:
        return dash if v is None else f"{v:.0f} ms" if v >= 20 else f"{v:.1f} ms"

    def mb(v: float | None) -> str:
        return dash if v is None else f"{v:.0f} MB"

    rows = [
        "| measurement | draft | docxtpl | pandoc | floor / reference |",
        "|---|---|---|---|---|",
        f"| cold build, seed-sized form ({r['seed_paragraphs']} paragraphs), median wall | **{ms(d)}** | {ms(dt)} | {ms(pd)} | "
        f"import floor {ms(floor)}; `python -c pass` {ms(seed['python']['ms'])} |",
        f"| ratio draft / peer, cold | | {d / dt:.2f} | {d / pd:.2f} | {d / floor:.2f} × floor |" if pd else
        f"| ratio draft / peer, cold | | {d / dt:.2f} | {dash} | {d / floor:.2f} × floor |",
        f"| peak RSS, cold build | {mb(seed['draft']['rss'])} | {mb(seed['docxtpl']['rss'])} | {mb(seed.get('pandoc', {}).get('rss'))} | "
        f"floor {mb(seed['floor']['rss'])} |",
        f"| cold build, 10× form ({r['big_paragraphs']} paragraphs) | {ms(big['draft']['ms'])} | {ms(big['docxtpl']['ms'])} | "
        f"{ms(big.get('pandoc', {}).get('ms'))} | |",
        f"| peak RSS, 10× form | {mb(big['draft']['rss'])} | {mb(big['docxtpl']['rss'])} | {mb(big.get('pandoc', {}).get('rss'))} | |",
        f"| in-process per document, median of {len_loop(r)} builds | **{ms(loop['build'])}** (with the check `draft build` runs: "
        f"{ms(loop['check+build'])}) | {ms(tpl['per_doc'])} | {ms(pd)} (a process each) | |",
        f"| in-process per document, 10× form | {ms(loop_big['build'])} (with the check: {ms(loop_big['check+build'])}) | | | "
        f"{loop_big['build'] / loop['build']:.1f} × the seed-sized "
        f"(with the check: {loop_big['check+build'] / loop['check+build']:.1f} ×) |",
        f"| peak RSS, in-process loop | {mb(loop['rss_mb'])} | {mb(tpl['rss_mb'])} | | |",
        f"| batch of {batch_n:,} forms, wall, both cores | **{batch['s']:.1f} s** | | "
        f"{pbatch['s']:.1f} s (two at a time) | pandoc / draft {pbatch['s'] / batch['s']:.1f} × |" if pbatch else
        f"| batch, wall, both cores | **{batch['s']:.1f} s** | | {dash} | |",
        f"| peak memory, batch | main process {mb(batch['parent_rss'])}, largest worker {mb(batch['worker_rss'])}; "
        f"all processes {mb(batch['tree_pss'])} PSS ({mb(batch['tree_rss'])} RSS summed) | | "
        f"{mb(pbatch['rss']) if pbatch else dash} per process | |",
    ]
    targets = [
        ("cold build ≤ 0.6 × docxtpl's", d / dt, 0.6),
        ("cold build ≤ 1.25 × the import floor", d / floor, 1.25),
        ("in-process ≤ 10 ms per seed-sized document (read, validate, render, write)", loop["build"], 10),
        ("  the same with the check `draft build` runs", loop["check+build"], 10),
        (f"{batch_n:,} forms ≤ {batch_limit:g} s wall on 2 cores", batch["s"], batch_limit),
        ("10× form ≤ 12 × the seed-sized, in-process", loop_big["build"] / loop["build"], 12),
        ("10× form ≤ 12 × the seed-sized, cold", big["draft"]["ms"] / d, 12),
        ("peak RSS of a single build ≤ 60 MB", seed["draft"]["rss"], 60),
        (f"peak memory of the {batch_n:,}-form batch ≤ 150 MB (all processes, PSS)", batch["tree_pss"], 150),
    ]
    if pbatch:
        targets.insert(5, ("batch ≥ 3 × faster than pandoc once per form", pbatch["s"] / batch["s"], -3))
    if pd:
        targets.insert(2, ("cold build / pandoc's (the compiled floor; reported)", d / pd, None))
    lines = ["| target | measured | met |", "|---|---|---|"]
    for name, value, limit in targets:
        if limit is None:
            verdict = "(no target)"
        elif limit < 0:
            verdict = "yes" if value >= -limit else "**no**"
        else:
            verdict = "yes" if value <= limit else "**no**"
        lines.append(f"| {name} | {value:.2f} | {verdict} |")
    head = (
        f"draft bench — {r['machine']}; {time.strftime('%Y-%m-%d %H:%M')}; bench took {seconds:.0f} s.\n"
        f"The import floor imports what a build imports ({', '.join(r['floor_top'])} and the standard library), "
        "less draft's own modules.\n"
    )
    return head + "\n" + "\n".join(rows) + "\n\n" + "\n".join(lines) + "\n"


def len_loop(r: dict) -> int:
    return r.get("loop_n", 200)


if __name__ == "__main__":
    main()
