"""Time and memory to open a document of each format in the core (read, extract, segment).

    python -m benchmarks.bench_open [--keep FOLDER] [--only 'NAME[;NAME...]']

Builds its files from the bundled sample article (:mod:`tests.support.documents`): the article
as text, a saved web page, a Word file, an EPUB and a PDF (presentation forms, lines that need
repair); a 2,000-page EPUB, a 100-page PDF, and a 20 MB text file (the article repeated, just under
the 20 MiB limit). Each file is opened in a fresh process, as a user opening it meets it:
``cold`` is the first :func:`models.documents.load_document` (with the import of its format's
library and, for a PDF, the loading of the lexicon), ``warm`` a second one in the same process,
``peak RSS`` the process's maximum resident set size (``getrusage``), ``baseline`` the RSS after
importing the core and before opening anything. Prints one row per file. The window's figures
(first screen, worst stall) are not measured here.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def measure(path: str) -> dict:
    """Open ``path`` twice in this process; figures as the module docstring says."""
    from models.documents import load_document

    baseline = _maxrss_mb()
    start = time.perf_counter()
    doc = load_document(path)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    load_document(path)
    warm = time.perf_counter() - start
    return {"cold": cold, "warm": warm, "peak_rss_mb": _maxrss_mb(), "baseline_rss_mb": baseline,
            "characters": len(doc.text), "sentences": len(doc.sentences), "chapters": len(doc.chapters)}


def build(folder: Path) -> dict[str, Path]:
    """The benchmark's files in ``folder``: {name: path}."""
    from models.documents import MAX_BYTES, sample_path
    from tests.support.documents import (
        docx_bytes, epub_bytes, html_page, pdf_bytes, sample_paragraphs, shape, wrap, write,
    )

    title, paragraphs = sample_paragraphs()
    article = sample_path().read_bytes()
    files = {
        "text (sample)": write(folder / "sample.txt", article),
        "web page": write(folder / "sample.html", html_page(title, paragraphs)),
        "Word": write(folder / "sample.docx", docx_bytes([title, *paragraphs])),
        "EPUB": write(folder / "sample.epub", epub_bytes([(title, paragraphs)])),
    }
    lines = [shape(line) for paragraph in paragraphs for line in wrap(paragraph)]
    files["PDF"] = write(folder / "sample.pdf", pdf_bytes([lines[i:i + 50] for i in range(0, len(lines), 50)]))
    # about 2 kB of text per printed page: 2,000 pages are 4 MB, 570 copies of the article in 100 chapters
    files["EPUB, 2,000 pages"] = write(folder / "book.epub", epub_bytes(
        [(f"الفصل {n}", paragraphs * 6) for n in range(1, 96)]))
    page_lines = lines * (100 * 45 // len(lines) + 1)
    files["PDF, 100 pages"] = write(folder / "long.pdf", pdf_bytes([page_lines[i:i + 45] for i in range(0, 100 * 45, 45)]))
    repeats = (MAX_BYTES - 1024 * 1024) // (len(article) + 1)
    files["text, 20 MB"] = write(folder / "big.txt", b"\n".join([article] * repeats))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the files in this folder and keep them")
    parser.add_argument("--only", help="names of the files to open, separated by semicolons, e.g. "
                        "'PDF;PDF, 100 pages' (default: all)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process: measure one file, print JSON
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = build(folder)
        wanted = [name.strip() for name in args.only.split(";")] if args.only else list(files)
        unknown = [name for name in wanted if name not in files]
        if unknown:
            parser.error(f"no file named {', '.join(unknown)}; the files are: {'; '.join(files)}")
        print(f"{'file':<20} {'size MB':>8} {'chars':>10} {'sentences':>9} {'cold s':>7} {'warm s':>7}"
              f" {'peak RSS MB':>11} {'baseline MB':>11}")
        for name in wanted:
            path = files[name]
            child = subprocess.run([sys.executable, "-m", "benchmarks.bench_open", "--one", str(path)],
                                   capture_output=True, text=True, check=False)
            if child.returncode:
                print(f"{name}: failed: {child.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
                return 1
            r = json.loads(child.stdout)
            print(f"{name:<20} {path.stat().st_size / 1e6:>8.2f} {r['characters']:>10} {r['sentences']:>9}"
                  f" {r['cold']:>7.2f} {r['warm']:>7.2f} {r['peak_rss_mb']:>11.0f} {r['baseline_rss_mb']:>11.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
