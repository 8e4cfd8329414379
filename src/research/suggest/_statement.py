"""What a chapter says, in French, of how predictable each code is from its words.

Examples
--------
>>> report = pd.DataFrame({"code": ["a", "b"], "label": ["Coopération", "Origine"],
...                        "examples": [2, 1], "documents": [2, 1],
...                        "status": ["too_few_examples", "too_few_examples"]})
>>> print(predictability_statement(report, min_examples=10))
Aucun code n'a assez d'exemples pour que l'on mesure sa prévisibilité : il en faut au moins 10 segments codés, dans au moins deux documents, et le code le plus codé (« Coopération ») en a 2. ...
"""

from __future__ import annotations

import pandas as pd

__all__ = ["predictability_statement"]


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n <= 1 else plural}"


def predictability_statement(report: pd.DataFrame, *, min_examples: int) -> str:
    """A French paragraph on a cross-validated report (:attr:`SuggestionModel.report`):
    how many codes were evaluated, how many beat the keywords, and, when none
    could be evaluated, why (too few examples, or examples in one document)."""
    if report.empty:
        return "Ce codeur n'a aucun code à évaluer."
    evaluated = report[report["status"].isin(["suggests", "below_baseline"])]
    if evaluated.empty:
        top = report.sort_values(["examples", "code"], ascending=[False, True]).iloc[0]
        where = ", tous dans un seul document" if int(top["examples"]) >= min_examples else ""
        return (
            "Aucun code n'a assez d'exemples pour que l'on mesure sa prévisibilité : il en "
            f"faut au moins {min_examples} segments codés, dans au moins deux documents, et "
            f"le code le plus codé (« {top['label']} ») en a {int(top['examples'])}{where}. Avec si "
            "peu d'exemples, une validation croisée par document ne dirait rien de fiable : "
            "un modèle appris sur quelques passages ne peut être jugé que sur quelques autres. "
            "Cette section prendra sens quand le codage aura avancé."
        )
    beating = int((evaluated["status"] == "suggests").sum())
    too_few = len(report) - len(evaluated)
    text = (
        f"Sur {_count(len(evaluated), 'code évalué', 'codes évalués')}, {beating} "
        f"{'fait' if beating <= 1 else 'font'} mieux que la simple présence de quelques "
        "mots-clés choisis sur les mêmes exemples"
    )
    if too_few:
        other = "autre code a" if too_few == 1 else "autres codes ont"
        text += (
            f" ; {too_few} {other} moins de {min_examples} segments codés ou des exemples "
            "dans un seul document, et ne sont pas évalués."
        )
    return text + ("" if too_few else ".")
