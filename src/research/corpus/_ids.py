"""Document ids made from names: stable, ASCII, usable as file names.

Examples
--------
>>> document_id("Entretien Élodie (2019)")
'Entretien-Elodie-2019'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["document_id"]

_LIGATURES = str.maketrans({"Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ß": "ss"})


def document_id(name: str) -> str:
    """A document id made from a name: ASCII letters, digits, ``.``, ``_`` and ``-``.

    Accents are dropped, every other run of characters becomes one ``-``, and the
    case is kept, so the same name always gives the same id (``"document"`` when
    nothing is left).

    Examples
    --------
    >>> document_id("INT01"), document_id("Compte rendu  n°3"), document_id("Œuvre"), document_id("?")
    ('INT01', 'Compte-rendu-n-3', 'OEuvre', 'document')
    """
    ascii_name = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    ascii_name = "".join(ch for ch in ascii_name if not unicodedata.combining(ch))
    slug = re.sub(r"[^A-Za-z0-9._\-]+", "-", ascii_name)
    slug = re.sub(r"-(?=\.)|(?<=\.)-", "", slug).strip("-._")
    return slug or "document"
