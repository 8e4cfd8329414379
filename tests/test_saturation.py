"""Thematic saturation after Guest, Namey & Chen (2020), checked on hand-worked sequences.

The worked example of the method (Guest, G., Namey, E. & Chen, M. (2020). A simple
method to assess and report thematic saturation in qualitative research. PLoS ONE
15(5): e0232076, Fig. 2): a base of four interviews gives 37 unique themes; the
run of the next two interviews (5 and 6) brings 7 new themes, so the new
information is 7 / 37 = 19 %, above a 5 % threshold.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from research.analysis import plot_saturation, saturation_statement, saturation_table
from research.errors import InputError

# New codes of each interview, as numbers; an interview may also repeat old codes.
# Base (1-4): 20 + 9 + 5 + 3 = 37 codes.  Then 5 and 2 (the paper's run: 7),
# 2, 1 (and again the two of interview 7), 0, 1, 0, 0.
SEQUENCE = {
    "I01": list(range(0, 20)),
    "I02": list(range(15, 29)),  # 9 new: 20..28
    "I03": [1, 2, *range(29, 34)],  # 5 new
    "I04": [5, 34, 35, 36],  # 3 new
    "I05": [0, 37, 38, 39, 40, 41],  # 5 new
    "I06": [3, 42, 43],  # 2 new
    "I07": [44, 45, 1],  # 2 new
    "I08": [44, 45, 46],  # 1 new (44 and 45 are not new again)
    "I09": [2, 3],  # 0
    "I10": [47, 4],  # 1
    "I11": [6],  # 0
    "I12": [7, 8],  # 0
}


def _codings(sequence: dict[str, list[int]]) -> pd.DataFrame:
    rows = [
        {"doc_id": doc, "start": i, "end": i + 1, "code": f"c{code:02d}"}
        for doc, codes in sequence.items()
        for i, code in enumerate(codes)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "code"])


def test_the_worked_example_of_the_paper():
    table = saturation_table(_codings(SEQUENCE), order=list(SEQUENCE), base_size=4, run_length=2)
    assert table.attrs["base_codes"] == 37
    first_run = table.iloc[3]  # after four interviews: the run of interviews 5 and 6
    assert first_run["run_documents"] == ("I05", "I06")
    assert first_run["run_new_codes"] == 7
    assert round(100 * first_run["new_information"]) == 19
    assert not first_run["saturated"]


def test_a_hand_worked_sequence_at_5_and_0_percent():
    table = saturation_table(_codings(SEQUENCE), order=list(SEQUENCE), base_size=4, run_length=2)
    assert table["new_codes"].tolist() == [20, 9, 5, 3, 5, 2, 2, 1, 0, 1, 0, 0]
    assert table["cumulative_codes"].tolist() == [20, 29, 34, 37, 42, 44, 46, 47, 47, 48, 48, 48]
    # runs after k = 4..10 interviews: 5+2, 2+2, 2+1, 1+0, 0+1, 1+0, 0+0
    assert table["run_new_codes"].tolist()[3:10] == [7, 4, 3, 1, 1, 1, 0]
    assert (
        table["run_new_codes"].iloc[:3].isna().all()
        and table["run_new_codes"].iloc[10:].isna().all()
    )
    assert [round(x, 4) for x in table["new_information"].iloc[3:10]] == [
        round(n / 37, 4) for n in (7, 4, 3, 1, 1, 1, 0)
    ]
    assert table.attrs["saturation_point"] == 7  # 1/37 = 2.7 % <= 5 %, confirmed by I08, I09
    assert table.attrs["saturation_document"] == "I07"
    strict = saturation_table(_codings(SEQUENCE), order=list(SEQUENCE), base_size=4, run_length=2,
                              threshold=0.0)  # fmt: skip
    assert strict.attrs["saturation_point"] == 10  # I11 and I12 bring nothing
    text = saturation_statement(table, unit="entretiens").replace("\u00a0", " ")
    assert text == (
        "Base de 4 entretiens (37 codes), passages de 2 entretiens, seuil de 5 % d'information "
        "nouvelle : la saturation est atteinte après 7 entretiens (I07) ; les 2 suivants "
        "(I08, I09) n'apportent que 1 code nouveau (3 %)."
    )


def test_not_reached_and_too_few_documents_are_said():
    short = dict(list(SEQUENCE.items())[:7])
    table = saturation_table(_codings(short), order=list(short), base_size=4, run_length=2)
    assert table.attrs["saturation_point"] is None
    assert "la saturation n'est pas atteinte : le dernier passage évalué (I06, I07) apporte " \
           "encore 4 code(s)" in saturation_statement(table)  # fmt: skip
    few = saturation_table(_codings(short), order=list(short)[:5], base_size=4, run_length=2)
    assert "il faut au moins 6 documents codés" in saturation_statement(few)
    assert few["run_new_codes"].isna().all()


def test_documents_come_in_date_order_and_uncoded_ones_are_left_out():
    codings = _codings({"B": [1, 2], "A": [1], "C": [3]})
    documents = pd.DataFrame({"doc_id": ["A", "B", "C", "D"],
                              "date": ["2020-02-01", "2020-01-01", "2020-03-01", "2019-01-01"]})  # fmt: skip
    table = saturation_table(codings, documents, base_size=1, run_length=1)
    assert table["doc_id"].tolist() == ["B", "A", "C"]
    assert table["date"].tolist() == ["2020-01-01", "2020-02-01", "2020-03-01"]


def test_bad_parameters_are_refused():
    codings = _codings({"A": [1]})
    with pytest.raises(InputError, match="at least one document"):
        saturation_table(codings, order=["A"], base_size=0)
    with pytest.raises(InputError, match="share between 0 and 1"):
        saturation_table(codings, order=["A"], threshold=5)


def _brute(
    sequence: list[set[int]], base: int, run: int, threshold: float
) -> tuple[list, int | None]:
    """An independent reading of the method: plain loops over sets."""
    base_codes = set()
    for codes in sequence[:base]:
        base_codes |= codes
    news, point = [], None
    for k in range(base, len(sequence) - run + 1):
        before = set()
        for codes in sequence[:k]:
            before |= codes
        in_run = set()
        for codes in sequence[k : k + run]:
            in_run |= codes
        new = len(in_run - before)
        news.append(new)
        if point is None and base_codes and new / len(base_codes) <= threshold:
            point = k
    return news, point


@given(
    st.lists(st.sets(st.integers(0, 25), max_size=8), min_size=1, max_size=12),
    st.integers(1, 4),
    st.integers(1, 3),
    st.sampled_from([0.0, 0.05, 0.1, 0.2]),
)
def test_matches_an_independent_implementation(sequence, base, run, threshold):
    docs = {f"D{i:02d}": sorted(codes) for i, codes in enumerate(sequence)}
    table = saturation_table(_codings(docs), order=list(docs), base_size=base, run_length=run,
                             threshold=threshold)  # fmt: skip
    news, point = _brute([set(c) for c in sequence], base, run, threshold)
    assessed = table["run_new_codes"].dropna().astype(int).tolist()
    assert assessed == news
    assert table.attrs["saturation_point"] == point


def test_the_curve_marks_the_base_and_the_point():
    table = saturation_table(_codings(SEQUENCE), order=list(SEQUENCE), base_size=4, run_length=2)
    fig = plot_saturation(table, title="Saturation")
    labels = fig.legends[0].get_texts()
    assert {t.get_text() for t in labels} == {
        "nouveaux codes", "base (4)", "saturation (5\u00a0%)", "passage de confirmation",
        "codes cumulés"}  # fmt: skip
