"""vCard files as phones write them, read whole: an Android 2.1 export (quoted-printable
with CHARSET, one bad byte, a comment line, a card with only an e-mail), an iPhone 3.0
export (item1. groups, a base64 PHOTO, a Hebrew and a Chinese display name beside a Latin
N) and an old phone's vCard 2.1 in Windows-1251 and Shift_JIS. Each sample follows the
format those programs write; names and numbers are made up.
"""

from __future__ import annotations

from fieldapp.importexport.common import WarningKind, decode_file
from fieldapp.importexport.vcard import CardFields, ContactFile, read_vcard_file
from tests.fieldapp.sentences import reads_as_a_sentence

ANDROID_21 = "\r\n".join([
    "BEGIN:VCARD", "VERSION:2.1", "N:Diallo;Amina;;;", "FN:Amina Diallo",
    "TEL;CELL:+258 82 123 4567", "TEL;WORK:+258 21 123 456", "EMAIL;WORK:amina.diallo@wfp.org",
    "ORG:WFP", "TITLE:Logistics Officer", "END:VCARD",
    "# Exported from Contacts",
    "BEGIN:VCARD", "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;",
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen=20M=C3=BCller",
    "TEL;CELL:+41 79 123 45 67",
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Sp=C3=A9cialiste logistique, bas=C3=A9 =",
    "=C3=A0 Gen=C3=A8ve.",
    "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Jo;1;;;;;;;;;;;;;",
    "END:VCARD",
    "BEGIN:VCARD", "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0;=E5=A4=AA=E9=83=8E;;;",
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0=E5=A4=AA=E9=83=8E",
    "TEL;CELL:090-1234-5678",
    "PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsL",
    " DBkSEw8UHRofHh0aHBwgJCwlJB0eIg==",
    "", "END:VCARD",
    "BEGIN:VCARD", "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Kov=C3=A1cs;P=E9ter;;;",
    "EMAIL;HOME:peter.kovacs@example.org", "END:VCARD",
    "BEGIN:VCARD", "VERSION:2.1", "EMAIL;WORK:ops@logcluster.org", "END:VCARD", ""])


def _read(data: bytes) -> tuple[list[CardFields], ContactFile]:
    file = read_vcard_file(data, decode_file(data))
    cards = list(file.records)
    assert all(isinstance(card, CardFields) for card in cards)
    for warning in file.warnings + [w for card in cards for w in card.warnings]:
        assert reads_as_a_sentence(warning.message), warning.message
    return cards, file


def _kinds(warnings) -> list[tuple[int, WarningKind]]:
    return [(w.line, w.kind) for w in warnings]


def test_an_android_export_keeps_every_card_despite_a_comment_and_a_bad_byte():
    cards, file = _read(ANDROID_21.encode("ascii"))
    assert [(c.line, c.full_name, c.given_name, c.family_name) for c in cards] == [
        (1, "Amina Diallo", "Amina", "Diallo"), (12, "Jürgen Müller", "Jürgen", "Müller"),
        (21, "山田太郎", "太郎", "山田"), (30, "", "P\ufffdter", "Kovács"), (35, "", "", "")]
    assert cards[0].phones == [("mobile", "+258 82 123 4567"), ("office", "+258 21 123 456")]
    assert cards[1].notes == "Spécialiste logistique, basé à Genève."
    assert cards[4].emails == ["ops@logcluster.org"]  # no name: the importer makes one
    assert [_kinds(c.warnings) for c in cards] == [
        [], [], [(21, WarningKind.NOT_KEPT)], [(30, WarningKind.REPLACED)], []]
    assert (file.kind, file.encoding, file.encoding_guessed) == ("vCard 2.1", "utf-8", False)
    assert _kinds(file.warnings) == [(11, WarningKind.SKIPPED_LINE),
                                     (0, WarningKind.COLUMN_LEFT_OUT),
                                     (0, WarningKind.COLUMN_LEFT_OUT)]
    assert [w.message.split()[0] for w in file.warnings[1:]] == ["X-ANDROID-CUSTOM", "PHOTO"]


IPHONE_30 = "\r\n".join([
    "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.2//EN",
    "N:Cohen;David,Ben;;;", "FN:דוד כהן", "ORG:Magen David Adom;Operations",
    "TITLE:Liaison", "item1.EMAIL;type=INTERNET;type=pref:david.cohen@mda.org.il",
    "item1.X-ABLabel:_$!<Other>!$_",
    "TEL;type=CELL;type=VOICE;type=pref:+972 50-123-4567",
    "TEL;type=WORK;type=VOICE:+41 22 917 1234 ext. 102",
    "item2.ADR;type=WORK;type=pref:;;12 Harbour Rd;Haifa;;3100001;Israel",
    "item2.X-ABADR:il",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAASABIAAD/4QBMRXhpZgAATU0AKgAAAAgAAYdp",
    " AAQAAAABAAAAGgAAAAAAA6ABAAMAAAABAAEAAKACAAQAAAABAAAAZKADAAQAAAABAAAAZAAAAAD/7QA4",
    "X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE:ABPerson", "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.2//EN",
    "N:Wang;Wei;;;", "FN:王伟", "ORG:Red Cross Society of China;",
    "TEL;type=CELL;type=VOICE;type=pref:+86 138 0013 8000",
    "item1.EMAIL;type=INTERNET;type=pref:wang.wei@redcross.org.cn",
    "item1.X-ABLabel:_$!<Work>!$_", "END:VCARD", ""])


def test_an_iphone_export_keeps_display_names_groups_and_says_what_it_leaves_out():
    cards, file = _read(IPHONE_30.encode())
    assert [(c.full_name, c.given_name, c.family_name, c.organisation) for c in cards] == [
        ("דוד כהן", "David Ben", "Cohen", "Magen David Adom"),
        ("王伟", "Wei", "Wang", "Red Cross Society of China")]
    assert cards[0].emails == ["david.cohen@mda.org.il"]
    assert cards[0].phones == [("mobile", "+972 50-123-4567"),
                               ("office", "+41 22 917 1234 ext. 102")]
    assert cards[0].location == "12 Harbour Rd, Haifa, 3100001, Israel"
    assert sorted(w.message.split()[1] for w in cards[0].warnings) == ["department", "photo"]
    assert (file.kind, file.encoding_guessed) == ("vCard 3.0", False)
    columns = {c.label: (c.maps_to, c.count) for c in file.columns}
    assert columns["EMAIL"] == ("email", 2)
    assert columns["X-ABLABEL"] == ("", 2)
    assert columns["PHOTO"] == ("", 1)
    left_out = [w.message.split()[0] for w in file.warnings
                if w.kind == WarningKind.COLUMN_LEFT_OUT]
    assert left_out == ["X-ABLABEL", "X-ABADR", "PHOTO", "X-ABUID"]  # PRODID goes unsaid


OLD_PHONE_1251 = "\r\n".join([
    "BEGIN:VCARD", "VERSION:2.1", "N;CHARSET=WINDOWS-1251:Коваленко;Олена",
    "FN;CHARSET=WINDOWS-1251:Олена Коваленко", "TEL;CELL:+380 50 765 4321",
    "ORG;CHARSET=WINDOWS-1251:ЮНІСЕФ", "END:VCARD",
    "BEGIN:VCARD", "VERSION:2.1", "N;CHARSET=WINDOWS-1251:Бондаренко;Віталій;Володимирович",
    "TEL;CELL:+380 67 111 2233",
    "NOTE;CHARSET=WINDOWS-1251;ENCODING=QUOTED-PRINTABLE:=C7=E0=EF=EE=F0=B3=E6=E6=FF",
    "END:VCARD", ""])


def test_an_old_phone_export_in_windows_1251_reads_each_value_by_its_charset():
    cards, file = _read(OLD_PHONE_1251.encode("cp1251"))
    assert [(c.full_name, c.given_name, c.family_name) for c in cards] == [
        ("Олена Коваленко", "Олена", "Коваленко"),
        ("", "Віталій Володимирович", "Бондаренко")]
    assert (cards[0].organisation, cards[1].notes) == ("ЮНІСЕФ", "Запоріжжя")
    assert all(c.warnings == [] for c in cards)
    assert file.encoding_guessed is False
    assert file.warnings == []


def test_an_old_japanese_phone_export_in_shift_jis_is_read():
    data = b"\r\n".join([
        b"BEGIN:VCARD", b"VERSION:2.1", b"N;CHARSET=SHIFT_JIS:" + "山田;太郎".encode("cp932"),
        b"SOUND;X-IRMC-N;CHARSET=SHIFT_JIS:" + "ﾔﾏﾀﾞ;ﾀﾛｳ".encode("cp932"),
        b"TEL;CELL:090-1234-5678",
        b"NOTE;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=93=FA=96=7B=90=D4=8F=5C=8E=9A=8E=D0",
        b"END:VCARD", b""])
    (card,), _ = _read(data)
    assert (card.given_name, card.family_name, card.notes) == ("太郎", "山田", "日本赤十字社")
    assert _kinds(card.warnings) == [(1, WarningKind.NOT_KEPT)]  # the name's reading (SOUND)
