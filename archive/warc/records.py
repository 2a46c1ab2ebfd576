"""What every part of fanwire's WARC handling agrees on: the revisit profiles, where a capture
group lies in its file, a payload's digest, and the `application/warc-fields` blocks of
metadata records."""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

#: Revisit profiles: a 304 (no body), and a payload identical to one captured before.
PROFILE_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
PROFILE_IDENTICAL = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"


@dataclass(frozen=True)
class CaptureRef:
    """Where one capture group is: its file, and the byte offset and length of its records."""

    file: str
    offset: int
    length: int


def payload_digest(body: bytes) -> str:
    """The WARC payload digest (SHA-1, base32) that warcio writes and `warcio check` verifies."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def read_span(file: str, offset: int, length: int) -> bytes:
    """`length` bytes of `file` from `offset`: a record, or a capture group, as written."""
    with open(file, "rb") as f:
        f.seek(offset)
        return f.read(length)


def warc_fields(block: bytes) -> dict[str, str]:
    """`name: value` lines of an application/warc-fields block."""
    lines = block.decode("utf-8", "replace").splitlines()
    return {name.strip(): value.strip() for name, sep, value in (line.partition(":") for line in lines) if sep}
