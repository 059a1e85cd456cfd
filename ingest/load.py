"""Files -> Article: decoding, HTML text extraction, date line, title."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from core.errors import IngestError
from core.types import Article, Span

SUPPORTED_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
_HTML_SUFFIXES = {".html", ".htm"}
_DATE_LINE = re.compile(r"\A\s*date[ \t]*:?[ \t]*(\d{4})-(\d{2})-(\d{2})\b[ \t]*\n?", re.IGNORECASE)
_BLOCK_TAGS = ["address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "h1",
               "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "td",
               "th", "tr", "ul"]
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
# Characters that never occur in text files; a few of them mean the file is binary.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127}


def find_articles(paths: list[str | Path]) -> list[Path]:
    """Expand the given files and folders to the article files in them, in a stable order."""
    return list(article_names(paths))


def article_names(paths: list[str | Path]) -> dict[Path, str]:
    """Article files of the given files and folders, each with the name it is stored under:
    a file's own name, or its path inside the folder given ("2024/report.txt")."""
    found: dict[Path, str] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise IngestError(f"not found: {path} (check the path)")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not files:
                raise IngestError(f"no articles in {path}: expected {', '.join(sorted(SUPPORTED_SUFFIXES))} files")
            found.update({f: f.relative_to(path).as_posix() for f in files})
        else:
            found[path] = path.name
    return found


def load_article(path: str | Path, *, max_bytes: int, source: str | None = None) -> Article:
    """Read one article file. Raises IngestError with a one-line reason for anything unusable."""
    path = Path(path)
    if not path.exists():
        raise IngestError(f"not found: {path}")
    if path.is_dir():
        raise IngestError(f"{path} is a folder, not an article file")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise IngestError(f"unsupported file type: {path.name} (use {', '.join(sorted(SUPPORTED_SUFFIXES))})")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"too large: {path} is {size:,} bytes, over the limit of {max_bytes:,} bytes "
                          f"({max_bytes / 1048576:g} MB, QA_MAX_FILE_MB)")
    data = path.read_bytes()
    return parse_article(data, source=source or path.name, is_html=path.suffix.lower() in _HTML_SUFFIXES, label=str(path))


def parse_article(data: bytes, *, source: str, is_html: bool = False, label: str | None = None) -> Article:
    """Bytes -> Article (the part of loading that needs no file system)."""
    label = label or source
    if not data.strip():
        raise IngestError(f"empty file: {label} has no text to ingest")
    raw, encoding = decode(data, label)
    if is_html:
        text, title, date = html_to_text(raw)
    else:
        text, title, date = raw, None, None
    return _build(text, source=source, title_hint=title, date_hint=date, encoding=encoding,
                  content_hash=hashlib.sha256(data).hexdigest(), size=len(data), label=label)


def decode(data: bytes, label: str) -> tuple[str, str]:
    """UTF-8 first; otherwise the most likely legacy encoding; binary data is refused."""
    sample = data[:65536]
    if b"\x00" in sample or sum(b in _BINARY_BYTES for b in sample) > len(sample) * 0.01:
        raise IngestError(f"binary file: {label} does not look like text (ingest .txt, .md or .html articles)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Encoding detection is unreliable on short texts; Western legacy files are by far the most
    # common non-UTF-8 articles, so a short file that is valid cp1252 is read as cp1252.
    if len(data) < 2000:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise IngestError(f"not UTF-8 text: {label} could not be decoded (save it as UTF-8)")
    return str(best), best.encoding


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """Visible text of an HTML page (scripts, styles and navigation dropped), its title and date."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title = None
    if soup.title and soup.title.get_text(strip=True):
        title = page_title(soup.title.get_text(" ", strip=True))
    date = None
    for attrs in ({"property": "article:published_time"}, {"name": "date"}, {"itemprop": "datePublished"}):
        tag = soup.find("meta", attrs=attrs)
        if tag and tag.get("content"):
            date = _iso_date(tag["content"])
            break
    if date is None and soup.find("time", datetime=True):
        date = _iso_date(soup.find("time", datetime=True)["datetime"])
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "head", "nav", "footer", "form"]):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    h1 = root.find("h1")
    if h1 and h1.get_text(strip=True):
        title = h1.get_text(" ", strip=True)
    # Mark block boundaries, then take the text: every visible word is kept (also text sitting
    # directly in a <div>), and blocks become paragraphs.
    for br in root.find_all("br"):
        br.replace_with("\n")
    for el in root.find_all(_BLOCK_TAGS):
        el.insert_before("\n\n")
        el.insert_after("\n\n")
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", root.get_text())]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks), title, date


def page_title(title: str) -> str:
    """An HTML <title> without the site's name: "Harbour deal signed | Coast Herald" -> "Harbour deal signed"
    (the longest part between " | ", " – " or " — ")."""
    parts = [p for p in re.split(r"\s+[|–—]\s+", title) if p.strip()]
    return max(parts, key=len) if len(parts) > 1 else title


def _iso_date(value: str) -> str | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return "-".join(m.groups()) if m and _valid_date(*m.groups()) else None


def _valid_date(y: str, m: str, d: str) -> bool:
    import datetime

    try:
        datetime.date(int(y), int(m), int(d))
        return True
    except ValueError:
        return False


def _build(text: str, *, source: str, title_hint: str | None, date_hint: str | None,
           encoding: str, content_hash: str, size: int, label: str) -> Article:
    body_start = 0
    date, date_span = date_hint, None
    m = _DATE_LINE.match(text)
    if m:
        if not _valid_date(*m.groups()):
            raise IngestError(f"bad date line in {label}: {m.group(0).strip()!r} is not a real date (use date YYYY-MM-DD)")
        date = "-".join(m.groups())
        date_span = Span(m.start(1), m.end(3))
        body_start = m.end()
    body_end = len(text.rstrip())
    while body_start < body_end and text[body_start].isspace():
        body_start += 1
    if body_start >= body_end:
        raise IngestError(f"empty file: {label} has no text to ingest")
    title_span = _title_span(text, body_start, body_end)
    title = title_hint or " ".join(text[title_span.start:title_span.end].split())
    return Article(source=source, text=text, title=title[:300], title_span=title_span, date=date,
                   date_span=date_span, body=Span(body_start, body_end), content_hash=content_hash,
                   encoding=encoding, size_bytes=size)


def _title_span(text: str, start: int, end: int) -> Span:
    """A Markdown heading if the article opens with one, else its first sentence."""
    m = _HEADING.match(text, start)
    if m:
        return Span(m.start(1), m.end(1))
    import sentencex

    first_line_end = text.find("\n", start, end)
    stop = end if first_line_end < 0 else first_line_end
    window = text[start:min(stop, start + 2000)]
    for b in sentencex.get_sentence_boundaries("en", window):
        if window[b["start_index"]:b["end_index"]].strip():
            s = start + b["start_index"]
            e = start + b["end_index"]
            while e > s and text[e - 1].isspace():
                e -= 1
            return Span(s, e)
    return Span(start, stop)
