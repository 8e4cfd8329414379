"""A small project made the way a new user makes one, for the coding widget's tests.

``research init``, then ``research import`` of an interview transcript (``.txt``:
French typography, an emoji, a letter with two accents), workshop minutes (``.md``:
headings, a list, bold) and a transcript holding HTML, and a codebook written by
hand (one label holding HTML too).
"""

from __future__ import annotations

from pathlib import Path

from research.cli import main

NBSP = "\u00a0"
INTERVIEW = (
    "Enquêtrice : Bonjour Élodie. Comment est née l’épicerie ?\n\n"
    f"Élodie : Par le marché de Lons. J’avais peur qu’on me pique l’idée 😀, très honnêtement. "
    f"On m’a dit : «{NBSP}c’est pour toi{NBSP}». Quoi{NBSP}? Trente kilomètres !\n\n"
    "Enquêtrice : Et après ?\n\n"
    "Élodie : Alors on a coopéré avec la fromagerie de Ja\u0328\u0301nas. "
    "Le car ne passe pas le samedi, et les anciens 👵🏻 restent chez eux.\n"
)
MINUTES = (
    "# Constats\n\n"
    "- Pas de car le samedi dans les villages.\n"
    "- Les retraités ont peur de conduire la nuit.\n\n"
    "# Pistes\n\n"
    "Un **covoiturage solidaire**, avec la confiance des voisins.\n"
)
HOSTILE = (
    "Animateur : Voici le code <script>window.__xss = 1</script> qu’on a trouvé.\n\n"
    'Paul : Et une image <img src=x onerror="window.__xss = 2"> aussi.\n\n'
    "Animateur : Rien ne doit s’exécuter.\n\n"
    "Paul : D’accord.\n"
)
CODEBOOK = """\
id: terrain
label: Codes du terrain
codable: false
color: "#1b9e77"
codes:
  - id: cooperation
    label: Coopération
    definition: Faire avec d'autres acteurs du territoire.
  - id: confiance
    label: Confiance
  - id: freins
    label: Freins
    codable: false
    color: "#d95f02"
    codes:
      - id: peur
        label: Peurs
      - id: territoire
        label: Contraintes du territoire
  - id: balise
    label: "<img src=x onerror=window.__xss=3> balise"
"""


def build_project(root: Path) -> Path:
    """Make the project in ``root`` (which must not exist) and return it."""
    sources = root.parent / f"{root.name}-sources"
    sources.mkdir(parents=True)
    (sources / "ENT01.txt").write_text(INTERVIEW, encoding="utf-8")
    (sources / "CR01.md").write_text(MINUTES, encoding="utf-8")
    (sources / "HTML01.txt").write_text(HOSTILE, encoding="utf-8")
    assert main(["init", str(root)]) == 0
    for name, kind in (
        ("ENT01.txt", "interview"),
        ("HTML01.txt", "interview"),
        ("CR01.md", "minutes"),
    ):
        assert main(["import", str(sources / name), "--kind", kind, "-C", str(root)]) == 0
    (root / "codebook" / "terrain.yaml").write_text(CODEBOOK, encoding="utf-8")
    return root


def utf16(text: str, offset: int) -> int:
    """Where a code-point offset lies in UTF-16 code units (what a browser counts)."""
    return len(text[:offset].encode("utf-16-le")) // 2
