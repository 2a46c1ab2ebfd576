"""Charset decoding: declared, meta-only, mislabelled and BOM-marked pages, never mojibake."""
import difflib

import pytest

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


def test_windows_1252_that_detection_reads_as_a_dos_code_page_is_windows_1252():
    from urllib.parse import urlsplit

    from fanwire.demo import DemoWorld

    world = DemoWorld(seed=7, articles_per_site=60)  # its cp1252 page is one charset-normalizer calls cp775
    row = next(t for t in world.truth() if t["fault"] == "bad_charset" and t["variant"] is None)
    response = world.serve(urlsplit(row["url"]).netloc, urlsplit(row["url"]).path)
    text, enc = decode_html(response.body, response.content_type)
    assert "Pokémon Horizons’ “Terastal Debut” arc" in text and enc == "cp1252"


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


# Real-language material: sentences written for these tests (paraphrasing the public announcement
# of Frieren's second season, Madhouse, 2025) in each language, and encoded in the charsets pages
# in that language are really served in.
TEXTS = {
    "ja": "「葬送のフリーレン」第2期の放送が2026年1月に決定しました。新しいキービジュアルとPVも公開され、"
          "アニメーション制作はマッドハウスが引き続き担当します。主要キャストも第1期から続投します。",
    "zh": "《葬送的芙莉莲》第二季确定于2026年1月播出。新的主视觉图和宣传片同时公开，动画制作依旧由MADHOUSE负责，主要声优全部续投。",
    "zh-Hant": "《葬送的芙莉蓮》第二季確定於2026年1月播出。新的主視覺圖與宣傳影片同時公開，動畫製作依舊由MADHOUSE負責，主要聲優全部續投。",
    "ko": "《장송의 프리렌》 2기가 2026년 1월 방송을 확정했습니다. 새로운 키 비주얼과 예고편이 공개되었으며, "
          "애니메이션 제작은 매드하우스가 계속 맡습니다.",
    "ru": "\"Провожающая в последний путь Фрирен\": второй сезон выйдет в январе 2026 года. Студия Madhouse "
          "опубликовала новый постер и трейлер, а основной состав актёров озвучки сохранится.",
    "fr": "« Frieren » : la deuxième saison sera diffusée en janvier 2026. Le studio Madhouse a dévoilé une nouvelle "
          "affiche et une bande-annonce ; l'équipe d'origine reste aux commandes, et c'est déjà l'œuvre la plus "
          "attendue de l'hiver, à 15 € le coffret.",
}
TITLES = {"ja": "「葬送のフリーレン」第2期決定", "zh": "《葬送的芙莉莲》第二季确定", "zh-Hant": "《葬送的芙莉蓮》第二季確定",
          "ko": "《장송의 프리렌》 2기 확정", "ru": "Второй сезон аниме Фрирен", "fr": "Frieren : la deuxième saison arrive"}
#: (charset the bytes are in, language); the wrong label is the commonest real mislabel: a
#: single-byte label on UTF-8, a UTF-8 template around legacy text.
PAGES = [("utf-8", lang) for lang in ("ja", "zh", "ko", "ru", "fr")] + [
    ("shift_jis", "ja"), ("euc_jp", "ja"), ("gb18030", "zh"), ("gbk", "zh"), ("big5", "zh-Hant"), ("euc_kr", "ko"),
    ("cp1251", "ru"), ("koi8_r", "ru"), ("cp1252", "fr"), ("iso8859_15", "fr")]
#: Stray bytes: never valid in UTF-8, a truncated UTF-8 lead byte, a lone continuation byte.
UTF8_STRAYS = (b"\xff", b"\xe3", b"\x9d")


def _page(charset: str, lang: str, label: str | None, strays: int) -> bytes:
    meta = f'<meta charset="{label}">' if label else ""
    head = f"<!DOCTYPE html><html><head>{meta}<title>{TITLES[lang]}</title></head><body><article><h1>{TITLES[lang]}</h1><p>"
    text = TEXTS[lang]
    cuts = [0, *(len(text) * (i + 1) // (strays + 1) for i in range(strays)), len(text)]
    stray = UTF8_STRAYS if charset == "utf-8" else (b"\xff",) * 3
    pieces = [text[a:b].encode(charset) for a, b in zip(cuts, cuts[1:])]
    body = pieces[0] + b"".join(stray[i] + piece for i, piece in enumerate(pieces[1:]))
    return head.encode(charset) + body + b"</p></article></body></html>"


def _changed(original: str, decoded: str) -> int:
    """Characters inserted, removed or replaced to get `decoded` from `original`."""
    ops = difflib.SequenceMatcher(None, original, decoded, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")


@pytest.mark.parametrize("strays", [0, 1, 3])
@pytest.mark.parametrize("how", ["meta", "header", "wrong", "missing"])
@pytest.mark.parametrize("charset,lang", PAGES)
def test_real_text_decodes_whatever_the_label_says(charset, lang, how, strays):
    label = {"meta": charset.replace("_", "-"), "header": charset.replace("_", "-"),
             "wrong": "iso-8859-15" if charset == "utf-8" else "utf-8", "missing": None}[how]
    body = _page(charset, lang, label if how in ("meta", "wrong") else None, strays)
    text, _ = decode_html(body, f"text/html; charset={label}" if how == "header" else "text/html")
    assert text.split("<title>")[1].split("</title>")[0] == TITLES[lang]
    assert _changed(TEXTS[lang], text.split("<p>")[1].split("</p>")[0]) <= strays


@pytest.mark.parametrize("label", ["iso-8859-15", "iso-8859-1", "windows-1252", "shift_jis", "koi8-r"])
def test_utf8_is_utf8_whatever_single_byte_or_legacy_label_it_wears(label):
    body = _page("utf-8", "ja", None, 1)
    text, enc = decode_html(body, f"text/html; charset={label}")
    assert enc == "utf-8" and TITLES["ja"] in text


def test_one_stray_byte_in_a_japanese_utf8_page_is_replaced_not_mojibake():
    body = f"<html><head><meta charset='utf-8'><title>{TITLES['ja']}</title></head><body><p>".encode() \
        + TEXTS["ja"][:20].encode() + b"\xff" + TEXTS["ja"][20:].encode() + b"</p></body></html>"
    text, enc = decode_html(body, "text/html")
    assert enc == "utf-8" and TITLES["ja"] in text and TEXTS["ja"][:20] + "\ufffd" + TEXTS["ja"][20:] in text


def test_legacy_pages_labelled_latin1_are_read_in_their_charset():
    for charset, lang in [("shift_jis", "ja"), ("euc_kr", "ko"), ("cp1251", "ru")]:
        text, _ = decode_html(_page(charset, lang, None, 0), "text/html; charset=ISO-8859-1")
        assert TEXTS[lang] in text, charset


def test_windows_1252_pasted_into_utf8_is_detwingled():
    body = ("<html><head><meta charset='utf-8'></head><body><p>Frieren — déjà ".encode()
            + "“vu” caf".encode("cp1252") + b"\xe9 " + "…".encode("cp1252") + " 葬送のフリーレン</p></body></html>".encode())
    text, enc = decode_html(body, None)
    assert enc == "utf-8" and "Frieren — déjà “vu” café … 葬送のフリーレン" in text


@pytest.mark.parametrize("label", ["utf-16", "utf-16le", "utf-32", "cp500"])
def test_a_label_that_cannot_read_the_markup_is_ignored(label):
    body = "<html><head><title>Pokémon déjà vu</title></head><body><p>Pokémon “Horizons” déjà vu</p></body></html>"
    text, _ = decode_html(body.encode("cp1252"), f"text/html; charset={label}")
    assert text == body


def test_a_true_utf16_label_without_bom_is_honoured():
    body = "<html><body><p>葬送のフリーレン</p></body></html>"
    text, _ = decode_html(body.encode("utf-16-le"), "text/html; charset=utf-16le")
    assert text == body


def test_a_charset_the_crawl_chose_is_not_chosen_again():
    # the crawl classified the page in windows-1252: extraction reads the same characters
    body = WESTERN.encode("utf-8")
    assert decode_html(body, "text/html; charset=utf-8")[0] == WESTERN
    text, enc = decode_html(body, "text/html; charset=utf-8", encoding="windows-1252")
    assert enc == "cp1252" and text == body.decode("cp1252", errors="replace") and "Ã©" in text
