"""Documents given to a coder before coding: the draw, coders.yaml, agreement on exactly those."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from research.agreement import agreement_scope, agreement_table, scope_message
from research.cli import main
from research.coding import (
    CODERS_FILE,
    assign_documents,
    draw_sample,
    mark_finished,
    read_coders_file,
)
from research.errors import CodingError

DOCS = pd.DataFrame(
    {
        "doc_id": [f"INT{i:02d}" for i in range(40)]
        + [f"CR{i}" for i in range(8)]
        + ["NOTE1", "NOTE2"],
        "kind": ["interview"] * 40 + ["minutes"] * 8 + ["note"] * 2,
    }
)


# -- the draw ---------------------------------------------------------------------------------


def test_a_stratified_draw_takes_the_share_of_each_kind():
    drawn = draw_sample(DOCS, share=0.2, seed=7)
    kinds = DOCS.set_index("doc_id").loc[drawn, "kind"].value_counts().to_dict()
    # 0.2 x 40 = 8 interviews, 0.2 x 8 = 1.6 -> 1 minutes, 0.2 x 2 = 0.4 -> at least 1 note: 10
    assert kinds == {"interview": 8, "minutes": 1, "note": 1}
    assert drawn == sorted(drawn) and len(set(drawn)) == 10


def test_remainders_go_to_the_largest_fractions():
    docs = pd.DataFrame({"doc_id": [f"D{i}" for i in range(10)], "kind": ["a"] * 7 + ["b"] * 3})
    drawn = draw_sample(docs, share=0.5, seed=1)  # a: 3.5, b: 1.5 -> 3 + 1, then 5 - 4 = 1 more
    kinds = docs.set_index("doc_id").loc[drawn, "kind"].value_counts().to_dict()
    assert sum(kinds.values()) == 5 and kinds["a"] == 4 and kinds["b"] == 1  # tie: 'a' first


def test_the_draw_is_reproducible_and_follows_the_seed_only():
    drawn = draw_sample(DOCS, share=0.2, seed=7)
    assert draw_sample(DOCS.sample(frac=1, random_state=3), share=0.2, seed=7) == drawn
    assert draw_sample(DOCS, share=0.2, seed=8) != drawn
    # the rank of a document is the SHA-256 of the seed and its id: independent of the others
    import hashlib

    rank = sorted(DOCS["doc_id"][DOCS["kind"] == "interview"],
                  key=lambda d: hashlib.sha256(f"7\0{d}".encode()).hexdigest())  # fmt: skip
    assert [d for d in drawn if d.startswith("INT")] == sorted(rank[:8])


def test_a_draw_without_strata_and_the_errors():
    assert len(draw_sample(DOCS, share=0.1, seed=2, by=None)) == 5
    with pytest.raises(CodingError, match="above 0 and at most 1"):
        draw_sample(DOCS, share=1.5, seed=2)
    with pytest.raises(CodingError, match="no attribute 'role' to stratify by"):
        draw_sample(DOCS, share=0.2, seed=2, by="role")


# -- coders.yaml -----------------------------------------------------------------------------------

OLD_FILE = """\
# Qui a fini quoi (tenu à la main)
camille:
  documents: all      # toute l'enquête

lea:
  documents: [INT01, INT04]
"""


def test_an_assignment_keeps_the_rest_of_the_file_and_the_old_form(tmp_path):
    (tmp_path / CODERS_FILE).write_text(OLD_FILE, encoding="utf-8")
    assign_documents(tmp_path, "sam", ["INT03", "INT01"], sample={"share": 0.2, "seed": 7})
    text = (tmp_path / CODERS_FILE).read_text(encoding="utf-8")
    assert text.startswith(OLD_FILE)
    assert text[len(OLD_FILE) :] == (
        "sam:\n  documents: []\n  assigned: [INT01, INT03]\n  blind: true\n"
        "  sample: {share: 0.2, seed: 7}\n"
    )
    work = read_coders_file(tmp_path)
    assert work["camille"].finished == "all" and work["lea"].finished == {"INT01", "INT04"}
    assert work["sam"].assigned == ("INT01", "INT03") and work["sam"].blind_in("INT03")
    assert not work["sam"].blind_in("INT02") and not work["lea"].blind_in("INT01")
    # every coder still has the 'documents:' an older reader requires
    import yaml

    assert all("documents" in entry for entry in yaml.safe_load(text).values())


def test_finishing_and_reassigning_rewrite_only_the_coder_block(tmp_path):
    (tmp_path / CODERS_FILE).write_text(OLD_FILE, encoding="utf-8")
    assign_documents(tmp_path, "lea", ["INT02", "INT04"], blind=False)
    mark_finished(tmp_path, "lea", ["INT02"])
    text = (tmp_path / CODERS_FILE).read_text(encoding="utf-8")
    assert text == OLD_FILE.replace(
        "lea:\n  documents: [INT01, INT04]\n",
        "lea:\n  documents: [INT01, INT02, INT04]\n  assigned: [INT02, INT04]\n  blind: false\n",
    )
    with pytest.raises(CodingError, match="already given 2 document"):
        assign_documents(tmp_path, "lea", ["INT09"])
    assign_documents(tmp_path, "lea", ["INT09"], force=True)
    assert read_coders_file(tmp_path)["lea"].assigned == ("INT09",)
    mark_finished(tmp_path, "camille", ["INT09"])  # 'all' stays all
    assert read_coders_file(tmp_path)["camille"].finished == "all"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("sam:\n  assigned: INT01\n", 2, "coder 'sam': 'assigned:' must be a list of document ids"),
        ("sam:\n  documents: []\n  blind: oui\n", 3, "coder 'sam': 'blind:' must be true or false"),
        ("sam: 3\n", 1, "coder 'sam' needs 'documents:'"),
    ],
)
def test_a_malformed_coders_file_names_its_line(tmp_path, text, line, message):
    (tmp_path / CODERS_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(CodingError) as caught:
        read_coders_file(tmp_path)
    assert f"coders.yaml, line {line}: {message}" in str(caught.value)


def test_validate_warns_of_unknown_keys_and_documents(project, capsys):
    (project / "corpus" / "codings" / CODERS_FILE).write_text(
        "camille:\n  documents: all\nsam:\n  documents: [D1]\n  assign: [D2]\n"
        "  assigned: [D3, D42]\n",
        encoding="utf-8",
    )
    assert main(["validate", "-C", str(project)]) == 0
    out = capsys.readouterr().out
    assert (
        "warning: corpus/codings/coders.yaml, line 5: coder 'sam': unknown key 'assign' (ignored)"
        in out
    )
    assert (
        "warning: corpus/codings/coders.yaml, line 6: coder 'sam': assigned names document(s) "
        "not in the corpus: D42" in out
    )


# -- agreement on exactly the documents given -------------------------------------------------------


def _codings(rows):
    return pd.DataFrame(rows, columns=["coder", "doc_id", "start", "end", "code"])


def test_agreement_compares_exactly_the_sample_once_finished(tmp_path):
    (tmp_path / CODERS_FILE).write_text(
        "camille:\n  documents: all\nsam:\n  documents: [D1, D2, D4]\n  assigned: [D1, D2, D3]\n"
        "  blind: true\n  sample: {share: 0.5, seed: 7, by: kind, population: 6}\n",
        encoding="utf-8",
    )
    docs = ["D1", "D2", "D3", "D4", "D5", "D6"]
    scope = agreement_scope(tmp_path, coders=["camille", "sam"], doc_ids=docs)
    assert {c: sorted(d) for c, d in scope["documents_coded"].items()} == {
        "camille": ["D1", "D2", "D3"],
        "sam": ["D1", "D2"],
    }
    codings = _codings(
        [("camille", d, 0, 5, "x") for d in docs] + [("sam", d, 0, 5, "x") for d in ("D1", "D4")]
    )
    segments = pd.DataFrame(
        {"doc_id": docs, "seg_id": [f"{d}:0001" for d in docs], "start": 0, "end": 10}
    )
    table = agreement_table(
        codings, coders=["camille", "sam"], unit="segment", segments=segments, n_boot=0, **scope
    )
    assert table.attrs["documents"] == ["D1", "D2"]  # D4 is finished but not in the sample
    assert scope_message(tmp_path, coders=["camille", "sam"], doc_ids=docs) == (
        "Documents comparés : l'échantillon de fiabilité donné à sam avant le codage (50 % des "
        "documents, stratifiés par « kind », tirés avec la graine 7), soit 3 documents, dont 2 "
        "déclarés finis par camille et sam dans `coders.yaml`."
    )


# -- the command --------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "these"
    assert main(["init", str(root)]) == 0
    for i in range(10):
        kind = "interview" if i < 8 else "minutes"
        body = "Élodie : Bonjour.\n\nÉlodie : Au revoir.\n" if i < 8 else "# Atelier\n\nNote.\n"
        (root / "corpus" / "documents" / f"D{i}.md").write_text(
            f"---\nid: D{i}\nkind: {kind}\n---\n{body}", encoding="utf-8"
        )
    return root


def test_research_assign_draws_records_and_refuses(project, capsys):
    args = ["assign", "--coder", "sam", "--share", "0.25", "--seed", "7", "-C", str(project)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "drew 3 of 10 documents (interview: 2, minutes: 1)" in out
    work = read_coders_file(project / "corpus" / "codings")["sam"]
    expected = draw_sample(
        pd.DataFrame({"doc_id": [f"D{i}" for i in range(10)], "kind": ["interview"] * 8 + ["minutes"] * 2}),
        share=0.25,
        seed=7,
    )  # fmt: skip
    assert list(work.assigned) == expected and work.blind
    assert work.sample == {"share": 0.25, "seed": 7, "by": "kind", "population": 10}
    assert main(args) == 1
    assert "sam was already given 3 document(s)" in capsys.readouterr().err
    assert main(["assign", "--coder", "sam", "--share", "0.25", "-C", str(project)]) == 1
    assert "a draw needs --seed" in capsys.readouterr().err
    assert main(["assign", "--coder", "sam", "--finished", "D99", "-C", str(project)]) == 1
    assert "unknown document 'D99'" in capsys.readouterr().err
    assert main(["assign", "--coder", "sam", "--finished", *expected[:2], "-C", str(project)]) == 0
    capsys.readouterr()
    assert main(["assign", "-C", str(project)]) == 0
    assert "sam: 2 finished of 10 documents, given 3 (2 finished, blind)" in capsys.readouterr().out


@pytest.mark.slow
def test_chapter_03_compares_exactly_the_sample(project, capsys):
    (project / "codebook" / "terrain.yaml").write_text(
        "id: terrain\nlabel: Terrain\ncodable: false\ncodes:\n  - id: accueil\n    label: Accueil\n",
        encoding="utf-8",
    )
    for coder in ("camille", "sam"):
        for i in range(8):
            args = ["code", "text", f"D{i}", "Bonjour", "terrain.accueil", "--coder", coder]
            assert main([*args, "-C", str(project)]) == 0
    assert (
        main(["assign", "--coder", "sam", "--share", "0.25", "--seed", "7", "-C", str(project)])
        == 0
    )
    sample = read_coders_file(project / "corpus" / "codings")["sam"].assigned
    assert main(["assign", "--coder", "camille", "--finished", "all", "-C", str(project)]) == 0
    assert main(["assign", "--coder", "sam", "--finished", *sample, "-C", str(project)]) == 0
    assert main(["run", "coding-and-agreement", "-j", "1", "-C", str(project)]) == 0
    folder = project / "outputs" / "coding-and-agreement" / "default"
    shown = json.dumps(
        json.loads((folder / "03-coding-and-agreement.ipynb").read_text()), ensure_ascii=False
    )
    assert "l'échantillon de fiabilité donné à sam avant le codage" in shown
    assert f"{len(sample)} documents comparés" in shown  # exactly the sample, no other
