"""Cost of the tone rules, and of tone + inside information together, per ~300-character post (median, p95), single thread.

    .venv/bin/python bench/bench_tone.py [--rounds 5] [--together-only]

Posts are made by joining lines of bench/data/corporate_*.txt up to ~300 characters
(ordinary posts: the common case). Measured:
- "added": the `find` of every tone rule of the default charter (its company,
  thresholds and categories) on a post whose folded text already exists
  (the engine builds it once per post for every term-matching rule);
- "with folding": the same plus building the folded text, as if tone were the only rule;
- "lexicons only (reference)": the same rules with `meaning: false`, interleaved in the same run;
- "meaning without learned reading": the rules as shipped but without tone/hostility_model.py
  (the reference for the learned reading's cost), interleaved too;
- "tone + inside together" (issue 12's target: <= 2 ms median per French post): the `find` of
  every tone rule then of every inside_information rule of the default charter on the same Post
  (its linguistic layer, sentences and parses, built once and shared, as the engine does), its
  folded text already built; interleaved post by post with its parts (tone alone, inside alone,
  the inside rules without their learned reading) each on a Post of its own, and with plain
  spaCy (the full pipeline on the post, as Presidio runs it) for scale. `--together-only` prints
  this block alone. Each measured reading starts with no sentence of the post read before
  (`engine.forget_sentences_read`): the post is new to the engine, as in use.
- `--against REF` (a commit): tone + inside together of this checkout and of REF's code (its
  src/charterguard extracted by `git archive` into a temporary folder and imported as another
  package), interleaved post by post in one process, their findings compared (they must be the
  same for a change that only saves time): the medians and the median per-post ratio, which the
  load of a shared machine moves far less than two separate runs (a data file a module names by
  its full package, e.g. the inside lexicons, is read from this checkout).
Lexicons and the model are loaded before timing (first-use cost printed apart), and the
sentence encoder too when the model's second stage (English) embedded a post.
Both wall-clock and CPU time (of this thread) are printed: on a busy shared machine
the wall clock also counts the time the process waits for a core.
Once the models are loaded and the posts read once, the heap is settled (`engine.settle_heap`,
gc.freeze) as the HTTP server and the parallel workers do, so that the garbage collector's walks
over the loaded models do not count in a post's cost; `--no-settle` measures without (the heap
mode is printed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from charterguard.analysis import Post  # noqa: E402
from charterguard.charter.model import Charter  # noqa: E402
from charterguard.detectors.base import Detector  # noqa: E402
from charterguard.detectors.tone import ToneDetector  # noqa: E402
from charterguard.engine import forget_sentences_read, settle_heap  # noqa: E402

NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)
TARGET_CHARS = 300
TARGET_TOGETHER_MS = 2.0  # issue 12: tone + inside information add <= 2 ms median per ~300-char French post
SETTLE = True  # settle the heap after warm-up, as the server does (--no-settle: not)


def settled() -> None:
    """After warm-up: the heap settled as the server settles it, unless --no-settle."""
    if SETTLE:
        settle_heap()


def heap_mode() -> str:
    return "heap settled after warm-up (gc.freeze, as the server)" if SETTLE else "heap not settled (--no-settle)"


def posts(language: str) -> list[str]:
    lines: list[str] = []
    for name in (f"corporate_posts_{language}.txt", f"corporate_negative_fine_{language}.txt"):
        path = ROOT / "bench" / "data" / name
        if path.is_file():
            lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out, current = [], ""
    for line in lines:
        current = f"{current} {line}".strip()
        if len(current) >= TARGET_CHARS:
            out.append(current[: TARGET_CHARS + 60])
            current = ""
    return out


def detectors(language: str, meaning: bool = True) -> list[ToneDetector]:
    """The default charter's tone rules that apply to posts in `language` (their `when`, as the
    engine judges it), as compiled there; `meaning=False`: the same rules without reading by
    meaning (the reference)."""
    charter = Charter.load("default")
    out = []
    for compiled in charter.rules:
        spec = compiled.spec
        if spec.kind != "tone" or not spec.enabled:
            continue
        if spec.when is not None and not spec.when.holds(channel=None, audience=None, language=language, now=NOW):
            continue
        detector = compiled.detector
        if not meaning:
            detector = ToneDetector(spec.model_copy(update={"meaning": False}), charter.company)
        out.append(detector)
    return out


def inside_detectors(language: str, learned: bool = True) -> list[Detector]:
    """The default charter's inside_information rules that apply to posts in `language`, as compiled
    there; `learned=False`: the same rules without their learned reading (inside/model.py)."""
    charter = Charter.load("default")
    out: list[Detector] = []
    for compiled in charter.rules:
        spec = compiled.spec
        if spec.kind != "inside_information" or not spec.enabled:
            continue
        if spec.when is not None and not spec.when.holds(channel=None, audience=None, language=language, now=NOW):
            continue
        detector = compiled.detector
        if not learned:
            detector = type(detector)(spec.model_copy(update={"learned": False}), charter.company)
        out.append(detector)
    return out


def timed(text: str, language: str, *groups: list) -> tuple[float, float]:
    """(wall ms, CPU ms of this thread) of every detector of `groups`, in order, on one fresh Post
    of `text` whose folded text is built (by the engine, for every charter with term rules)."""
    forget_sentences_read()  # a new post's sentences: none of them read before
    post = Post(text, language=language, channel=None, audience=None, now=NOW)
    post.folded  # noqa: B018
    started, started_cpu = time.perf_counter(), time.thread_time()
    for group in groups:
        for det in group:
            list(det.find(post))
    return (time.perf_counter() - started) * 1000, (time.thread_time() - started_cpu) * 1000


def together(language: str, texts: list[str], rounds: int) -> None:
    """Tone + inside information on the same Post, interleaved post by post with its parts and with
    plain spaCy, so that the load of a shared machine weighs on every row alike."""
    from charterguard import nlp

    tone, inside, inside_rules = detectors(language, True), inside_detectors(language, True), inside_detectors(language, False)
    spacy_full = nlp.pipeline(language)  # every component, as plain spaCy (and Presidio) run it
    # Lexicons, models, the parse pipeline and the sentence encoder load; every post's words enter
    # spaCy's vocabulary (else the first row to read a post would pay that for all).
    for text in texts:
        timed(text, language, tone, inside)
        spacy_full(text)
    settled()
    rows: dict[str, tuple[list[float], list[float]]] = {
        name: ([], []) for name in ("tone + inside together", "tone alone", "inside alone", "inside rules alone (no learned)", "plain spaCy, full pipeline")
    }
    for _ in range(rounds):
        for text in texts:
            for name, groups in (
                ("tone + inside together", (tone, inside)),
                ("tone alone", (tone,)),
                ("inside alone", (inside,)),
                ("inside rules alone (no learned)", (inside_rules,)),
            ):
                wall, cpu = timed(text, language, *groups)
                rows[name][0].append(wall)
                rows[name][1].append(cpu)
            started, started_cpu = time.perf_counter(), time.thread_time()
            spacy_full(text)
            rows["plain spaCy, full pipeline"][1].append((time.thread_time() - started_cpu) * 1000)
            rows["plain spaCy, full pipeline"][0].append((time.perf_counter() - started) * 1000)
    for name, measured in rows.items():
        report(f"{language} {name}", measured)
    cpu_median = statistics.median(rows["tone + inside together"][1])
    verdict = "met" if cpu_median <= TARGET_TOGETHER_MS else "NOT met"
    print(f"{language} target (issue 12): tone + inside <= {TARGET_TOGETHER_MS:.1f} ms CPU median per post"
          f"{' (French)' if language == 'fr' else ' (asked of French; English for comparison)'}: "
          f"{cpu_median:.3f} ms, {verdict}")


def against(ref: str, rounds: int) -> None:
    """Tone + inside together, this checkout's code against commit `ref`'s, interleaved post by post."""
    import io
    import shutil
    import subprocess
    import tarfile
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="bench-tone-against-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src/charterguard", "policies"], check=True, capture_output=True).stdout
    tarfile.open(fileobj=io.BytesIO(archive)).extractall(folder)
    package = folder / "src" / "charterguard"
    (package / "policies").symlink_to(folder / "policies")  # its built-in charters, as spec.builtin finds them
    package.rename(folder / "src" / "charterguard_against")
    sys.path.insert(0, str(folder / "src"))
    try:
        _interleaved(ref, rounds)
    finally:
        shutil.rmtree(folder)


def _interleaved(ref: str, rounds: int) -> None:
    import importlib
    import os

    versions = {}
    for name, module in (("this checkout", "charterguard"), (ref, "charterguard_against")):
        charter = importlib.import_module(f"{module}.charter.model").Charter.load("default")
        versions[name] = (
            importlib.import_module(f"{module}.analysis").Post,
            # (a version before session 19 remembers sentences' words only: linguistics forgets them)
            getattr(importlib.import_module(f"{module}.engine"), "forget_sentences_read", None)
            or importlib.import_module(f"{module}.linguistics").forget_read_sentences,
            charter,
        )
    print(f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}; {heap_mode()}")
    for language in ("fr", "en"):
        texts = posts(language)
        rules = {
            name: [c.detector for c in charter.rules if c.spec.kind in ("tone", "inside_information") and c.spec.enabled
                   and (c.spec.when is None or c.spec.when.holds(channel=None, audience=None, language=language, now=NOW))]
            for name, (_, _, charter) in versions.items()
        }

        def run(name: str, text: str, language: str = language, rules: dict[str, list] = rules) -> tuple[float, str]:
            make_post, forget, _ = versions[name]
            forget()
            post = make_post(text, language=language, channel=None, audience=None, now=NOW)
            post.folded  # noqa: B018
            started = time.thread_time()
            found = [[(h.start, h.end, h.score, h.entity, dict(h.values)) for h in det.find(post)] for det in rules[name]]
            return (time.thread_time() - started) * 1000, repr(found)

        for text in texts:  # lexicons, models and pipelines load
            for name in versions:
                run(name, text)
        settled()
        cpu: dict[str, list[float]] = {name: [] for name in versions}
        ratios = []
        for round_ in range(rounds):
            for text in texts:
                order = list(versions) if round_ % 2 == 0 else list(reversed(versions))
                measured = {name: run(name, text) for name in order}
                if len({found for _, found in measured.values()}) > 1:
                    raise SystemExit(f"{language}: the findings of {ref} and of this checkout differ on a post (rerun to find which)")
                for name, (ms, _) in measured.items():
                    cpu[name].append(ms)
                ratios.append(measured["this checkout"][0] / max(measured[ref][0], 1e-6))
        for name, samples in cpu.items():
            print(f"{language} tone + inside together, {name:16} CPU median {statistics.median(samples):6.3f} ms   n={len(samples)}")
        print(f"{language} this checkout / {ref}, per post: median ratio {statistics.median(ratios):.3f}; findings identical")
    print(f"load average at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


def parsed_share(texts: list[str], language: str, dets: list[ToneDetector]) -> tuple[int, int, int, int, int, int]:
    """(posts whose reading by meaning parsed at least one sentence, sentences parsed, posts
    the sentence encoder embedded, texts it embedded, posts the learned reading embedded,
    sentences it embedded). The encoder serves the model's second stage (past its gate, see
    tone/sentence_model.py: each such post, with its sentences when it has several) and the
    learned reading (tone/hostility_model.py: the sentences past its gate)."""
    from charterguard.semantic import encoder
    from charterguard.tone.hostility_model import HostilityModel

    posts_parsed = sentences = 0
    embedded: list[int] = []
    learned: list[int] = []
    original, original_read = encoder.embed, HostilityModel.read

    def counted(batch):
        embedded.append(len(batch))
        return original(batch)

    def counted_read(model, batch):
        if batch:
            learned.append(len(batch))
        return original_read(model, batch)

    encoder.embed = counted
    HostilityModel.read = counted_read  # type: ignore[method-assign]
    try:
        for text in texts:
            post = Post(text, language=language, channel=None, audience=None, now=NOW)
            for det in dets:
                list(det.find(post))
            calls = post.linguistics.parse_calls if "linguistics" in post.__dict__ else 0  # a cached_property, once used
            posts_parsed += calls > 0
            sentences += calls
    finally:
        encoder.embed = original
        HostilityModel.read = original_read  # type: ignore[method-assign]
    return posts_parsed, sentences, len(embedded), sum(embedded), len(learned), sum(learned)


@contextmanager
def learned_reading(on: bool):
    """With `on` false, the tone rules run without the learned reading (tone/hostility_model.py)."""
    from charterguard.tone import hostility_model

    original = hostility_model.load_hostility_model
    if not on:
        hostility_model.load_hostility_model = lambda: None  # type: ignore[assignment]
    try:
        yield
    finally:
        hostility_model.load_hostility_model = original  # type: ignore[assignment]


def measure(
    texts: list[str], language: str, dets: list[ToneDetector], rounds: int, fold_first: bool
) -> tuple[list[float], list[float]]:
    """(wall-clock ms, CPU ms of this thread) per post."""
    wall, cpu = [], []
    for _ in range(rounds):
        for text in texts:
            post = Post(text, language=language, channel=None, audience=None, now=NOW)
            if fold_first:
                post.folded  # noqa: B018 - built by the engine for every charter with term rules
            started, started_cpu = time.perf_counter(), time.thread_time()
            for det in dets:
                list(det.find(post))
            cpu.append((time.thread_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu


def report(label: str, measured: tuple[list[float], list[float]]) -> None:
    # CPU time is the cost; wall time also counts the waits of a shared machine.
    for kind, samples in zip(("wall", "cpu"), measured):
        samples = sorted(samples)
        p95 = samples[int(0.95 * (len(samples) - 1))]
        print(f"{label + ' ' + kind:48} median {statistics.median(samples):6.3f} ms   p95 {p95:6.3f} ms   n={len(samples)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--together-only", action="store_true", help="only tone + inside information together, and its parts")
    parser.add_argument("--against", metavar="REF", help="tone + inside together against commit REF's code, interleaved in one process")
    parser.add_argument("--no-settle", action="store_true", help="do not settle the heap after warm-up (the server does)")
    args = parser.parse_args()
    global SETTLE
    SETTLE = not args.no_settle
    if args.against:
        against(args.against, args.rounds)
        return 0
    import os

    print(f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min; read CPU times on a busy machine); {heap_mode()}")
    for language in ("fr", "en"):
        texts = posts(language)
        if not texts:
            print(f"{language}: no corporate posts in bench/data, skipped")
            continue
        together(language, texts, args.rounds)
        if args.together_only:
            continue
        dets, reference = detectors(language, True), detectors(language, False)
        started = time.perf_counter()
        measure(texts[:1], language, reference, 1, True)  # loads lexicons and the model
        print(f"{language}: first use (lexicons + model load) {(time.perf_counter() - started) * 1000:.0f} ms; "
              f"{len(texts)} posts of ~{statistics.mean(len(t) for t in texts):.0f} chars")
        started = time.perf_counter()
        from charterguard import nlp

        nlp.parse(["x"], language, ("parser", "lemmatizer"))
        print(f"{language}: first use of the parse (spaCy pipeline load) {(time.perf_counter() - started) * 1000:.0f} ms")
        posts_parsed, sentences, embedded, pieces, learned_posts, learned_sentences = parsed_share(texts, language, dets)
        measure(texts, language, dets, 1, True)  # every post read once before the heap settles
        settled()
        print(f"{language}: reading by meaning parsed {posts_parsed}/{len(texts)} posts ({sentences} sentences); "
              f"the sentence encoder ran on {embedded}/{len(texts)} posts ({pieces} texts), of which the learned reading "
              f"{learned_posts} posts ({learned_sentences} sentences past its gate)")
        # Interleaved rounds, so that the load of a shared machine weighs on all alike.
        on: tuple[list[float], list[float]] = ([], [])
        off: tuple[list[float], list[float]] = ([], [])
        unlearned: tuple[list[float], list[float]] = ([], [])
        folding: tuple[list[float], list[float]] = ([], [])
        for _ in range(args.rounds):
            for into, what, fold_first, learned in (
                (off, reference, True, True), (unlearned, dets, True, False), (on, dets, True, True), (folding, dets, False, True)
            ):
                with learned_reading(learned):
                    wall, cpu = measure(texts, language, what, 1, fold_first)
                into[0].extend(wall)
                into[1].extend(cpu)
        report(f"{language} added, lexicons only (reference)", off)
        report(f"{language} added, meaning without learned reading", unlearned)
        report(f"{language} added, with reading by meaning", on)
        report(f"{language} with meaning and folding", folding)
    print(f"load average at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
