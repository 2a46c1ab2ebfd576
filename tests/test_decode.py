"""Charset decoding: declared, meta-only, mislabelled and BOM-marked pages, never mojibake."""
from pipelines.decode import decode_html

WESTERN = "<html><head><meta charset='utf-8'><title>Pokémon “Horizons” – déjà vu…</title></head><body><p>Pokémon “Horizons” – déjà vu…</p></body></html>"
JAPANESE = "<html><head><meta charset='Shift_JIS'></head><body><p>「葬送のフリーレン」第2期の放送が決定しました。</p></body></html>"


def test_utf8_declared_in_header():
    text, enc = decode_html(WESTERN.encode("utf-8"), "text/html; charset=UTF-8")
    assert text == WESTERN and enc == "utf-8"


def test_windows_1252_bytes_claiming_utf8_are_detected():
    text, enc = decode_html(WESTERN.encode("cp1252"), "text/html; charset=utf-8")
    assert "Pokémon “Horizons” – déjà vu…" in text
    assert "\ufffd" not in text and enc == "cp1252"


def test_shift_jis_declared_only_in_meta():
    text, enc = decode_html(JAPANESE.encode("shift_jis"), "text/html")
    assert "「葬送のフリーレン」第2期" in text and enc == "cp932"


def test_euc_jp_without_any_declaration_is_detected():
    body = ("<html><body>" + "<p>「葬送のフリーレン」第2期の放送が決定しました。新しいキービジュアルも公開されました。</p>" * 5 + "</body></html>").encode("euc_jp")
    text, _ = decode_html(body, None)
    assert "葬送のフリーレン" in text


def test_bom_wins_over_declarations():
    body = "\ufeff<html><head><meta charset='iso-8859-1'></head><body>Ünïcode</body></html>".encode("utf-8")
    text, enc = decode_html(body, "text/html; charset=iso-8859-1")
    assert "Ünïcode" in text and not text.startswith("\ufeff") and enc == "utf-8"
