"""Reading fetched repositories' test pages into corpus records: files at a commit, the
expected text of an HTML fragment, a page's language and address."""
from __future__ import annotations

import re
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import justext
import lxml.html
from charset_normalizer import from_bytes

BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote pre figcaption figure tr table thead tbody ul ol dl "
    "section article header footer aside main nav form fieldset details summary address hr caption center".split())
CELLS = frozenset({"td", "th"})
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "math"})
PLACEHOLDER_HOSTS = frozenset({"fakehost", "localhost", "example.com"})
# Script of most of the letters, for pages that declare no language.
SCRIPTS = [("ja", r"[\u3040-\u30ff]"), ("ko", r"[\uac00-\ud7af]"), ("zh", r"[\u4e00-\u9fff]"),
           ("ar", r"[\u0600-\u06ff]"), ("he", r"[\u0590-\u05ff]"), ("th", r"[\u0e00-\u0e7f]"),
           ("my", r"[\u1000-\u109f]"), ("ru", r"[\u0400-\u04ff]")]
STOPLISTS = {"English": "en", "German": "de", "French": "fr", "Spanish": "es", "Portuguese": "pt",
             "Italian": "it", "Dutch": "nl", "Czech": "cs", "Polish": "pl", "Latvian": "lv", "Indonesian": "id"}


class Source:
    """Files of one commit of a fetched repository, read with git, or of a checked-out tree."""

    def __init__(self, path: Path, commit: str = "HEAD") -> None:
        self.path, self.commit = path, commit
        self.git = subprocess.run(["git", "--git-dir", str(path), "rev-parse", "--git-dir"],
                                  capture_output=True).returncode == 0
        if not self.git and (path / ".git").exists():
            self.path, self.git = path / ".git", True

    def names(self, folder: str) -> list[str]:
        if not self.git:
            return sorted(p.name for p in (self.path / folder).iterdir())
        out = subprocess.run(["git", "--git-dir", str(self.path), "ls-tree", "--name-only", f"{self.commit}:{folder}"],
                             capture_output=True, text=True, check=True).stdout
        return sorted(out.split("\n")[:-1])

    def read(self, name: str) -> bytes | None:
        if not self.git:
            path = self.path / name
            return path.read_bytes() if path.exists() else None
        done = subprocess.run(["git", "--git-dir", str(self.path), "show", f"{self.commit}:{name}"], capture_output=True)
        return done.stdout if done.returncode == 0 else None

    def text(self, name: str) -> str | None:
        data = self.read(name)
        return None if data is None else as_text(data)


def as_text(data: bytes) -> str:
    """Fixtures are UTF-8 but for a few saved in the page's own charset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return str(from_bytes(data).best())


def block_text(html: str) -> str:
    """The visible text of an HTML document or fragment, one paragraph, heading, list item or
    table row a line, whitespace squashed: the form every corpus's expected body takes."""
    root = lxml.html.fromstring(html)
    lines: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = " ".join("".join(line).split())
        if text:
            lines.append(text)
        line.clear()

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is not None and tag not in SKIPPED:
            if tag in BLOCKS or tag == "br":
                flush()
            elif tag in CELLS:
                line.append(" ")
            line.append(el.text or "")
            for child in el:
                walk(child)
            if tag in BLOCKS:
                flush()
        line.append(el.tail or "")

    walk(root)
    flush()
    return "\n".join(lines)


def lang_code(value: str | None) -> str | None:
    """`en-US` → `en`; the primary subtag is all the bench groups by."""
    code = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


@cache
def stoplist(language: str) -> frozenset[str]:
    return justext.get_stoplist(language)


def guess_lang(text: str) -> str | None:
    """The language of a text that states none: by script, then by jusText's stop words."""
    letters = re.findall(r"[^\W\d_]", text)
    if not letters:
        return None
    for code, script in SCRIPTS:
        if len(re.findall(script, text)) > 0.2 * len(letters):
            return code
    words = re.findall(r"\w+", text.lower())
    score = {code: sum(w in stoplist(name) for w in words) for name, code in STOPLISTS.items()}
    best = max(score, key=score.get)
    return best if score[best] > 0.2 * len(words) else None


def page_url(tree, fallback_host: str) -> str:
    """The page's own address (canonical, og:url, base) when it states one, else a made-up
    https URL on the host most of its absolute links point to, else on `fallback_host`."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content', "//base/@href"):
        for value in tree.xpath(xpath):
            parts = urlsplit(value.strip())
            if parts.scheme in ("http", "https") and parts.hostname and parts.hostname not in PLACEHOLDER_HOSTS \
                    and parts.path not in ("", "/"):
                return value.strip()
    hosts = Counter(urlsplit(h).hostname for h in tree.xpath("//a/@href") if h.startswith(("http:", "https:")))
    hosts = Counter({h: n for h, n in hosts.items() if h and h not in PLACEHOLDER_HOSTS})
    host = hosts.most_common(1)[0][0] if hosts else fallback_host
    return f"https://{host}/{fallback_host.split('.')[0]}"
