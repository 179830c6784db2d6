import io
import json

import pytest

from kg.article import read_articles
from kg.errors import InputError


def _read(paths, stdin=None):
    errors = []
    arts = list(read_articles(paths, errors.append, stdin=stdin))
    return arts, errors


def test_txt_json_jsonl_and_folder(tmp_path):
    (tmp_path / "a.txt").write_text("تیتر خبر\nمتن خبر.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text(
        json.dumps({"id": "b1", "text": "متن", "published": "2020-01-02", "outlet": "ایرنا"},
                   ensure_ascii=False), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps({"id": f"c{i}", "text": f"متن {i}"}, ensure_ascii=False) for i in range(3)),
        encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    arts, errors = _read([tmp_path])
    assert errors == []
    assert sorted(a.id for a in arts) == ["a", "b1", "c0", "c1", "c2"]
    a = next(a for a in arts if a.id == "a")
    assert a.title == "تیتر خبر" and a.text == "تیتر خبر\nمتن خبر."
    b = next(a for a in arts if a.id == "b1")
    assert b.published == "2020-01-02" and b.outlet == "ایرنا"


def test_json_array(tmp_path):
    f = tmp_path / "arr.json"
    f.write_text(json.dumps([{"id": "x", "text": "یک"}, {"id": "y"}, {"id": "z", "text": "سه"}]),
                 encoding="utf-8")
    arts, errors = _read([f])
    assert [a.id for a in arts] == ["x", "z"]
    assert len(errors) == 1 and "arr.json[2]" in str(errors[0]) and "text" in str(errors[0])


@pytest.mark.parametrize("content, needle", [
    (b"\x00\x01\x02binary", "binary"),
    ("متن".encode("utf-16"), "not UTF-8"),
    (b"   \n", "empty"),
])
def test_bad_files_are_reported_and_batch_goes_on(tmp_path, content, needle):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("خبر خوب", encoding="utf-8")
    arts, errors = _read([bad, good])
    assert [a.id for a in arts] == ["good"]
    assert len(errors) == 1
    assert needle in str(errors[0]) and str(bad) in str(errors[0])


def test_jsonl_errors_name_file_and_line(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "1", "text": "یک"}),
        "{not json",
        json.dumps({"id": "3"}),
        json.dumps({"id": "1", "text": "تکراری"}),
        json.dumps({"id": "5", "text": "پنج", "published": "دیروز"}),
        json.dumps({"id": "6", "text": "شش"}),
    ]), encoding="utf-8")
    arts, errors = _read([f])
    assert [a.id for a in arts] == ["1", "6"]
    msgs = [str(e) for e in errors]
    assert msgs[0].startswith(f"{f}:2: malformed JSON")
    assert msgs[1].startswith(f"{f}:3: ") and "text" in msgs[1]
    assert msgs[2].startswith(f"{f}:4: duplicate article id '1'")
    assert msgs[3].startswith(f"{f}:5: ") and "ISO date" in msgs[3]
    assert all(isinstance(e, InputError) for e in errors)


def test_malformed_json_file(tmp_path):
    f = tmp_path / "x.json"
    f.write_text('{"id": "x",\n "text": }', encoding="utf-8")
    arts, errors = _read([f])
    assert arts == [] and f"{f}:2: malformed JSON" in str(errors[0])


def test_missing_path_is_reported(tmp_path):
    arts, errors = _read([tmp_path / "nope.json"])
    assert arts == [] and "no such file" in str(errors[0])


def test_stdin_text_and_jsonl():
    arts, errors = _read(["-"], stdin=io.BytesIO("تیتر\nمتن".encode()))
    assert [a.id for a in arts] == ["stdin"] and not errors
    data = "\n".join(json.dumps({"id": i, "text": "متن"}) for i in ("p", "q"))
    arts, errors = _read(["-"], stdin=io.BytesIO(data.encode()))
    assert [a.id for a in arts] == ["p", "q"] and not errors


def test_without_handler_errors_raise(tmp_path):
    f = tmp_path / "e.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        list(read_articles([f]))


def test_shared_corpus_reads_clean(shared):
    arts, errors = _read([shared("corpus")])
    assert errors == []
    assert len(arts) > 1900
    assert len({a.id for a in arts}) == len(arts)
