"""Write the binary fixtures of the loader tests (``.docx``, ``.odt``, ``.trs``).

Run from anywhere: ``python tests/data/loaders/make_fixtures.py``. The XML is written
out by hand so that each fixture holds exactly the structures the tests need
(headings by style name and by outline level, lists, tables, tracked changes, text
boxes, content controls, overlapping speech…), and the zip entries carry a fixed
date so that running the script again gives the same bytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATE = (2019, 3, 14, 10, 0, 0)
NBSP, NNBSP = "\u00a0", "\u202f"


def write_zip(path: Path, members: list[tuple[str, str]], *, stored: tuple[str, ...] = ()) -> None:
    """A zip with fixed dates; ``stored`` members are not compressed (ODF mimetype)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=DATE)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))


# -- .docx ------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
{core}</Types>"""
CORE_TYPE = '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\n'

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
{core}</Relationships>"""
CORE_REL = '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\n'

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>
</Relationships>"""

# French Word: style ids "Titre1"/"Titre2", built-in names "heading 1"/"heading 2";
# "Intertitre" has no heading name but an outline level; "Puce" is a list by numbering.
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Intertitre"><w:name w:val="Intertitre"/><w:basedOn w:val="Titre2"/></w:style>
<w:style w:type="paragraph" w:styleId="Puce"><w:name w:val="Puce"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2017-11-20T18:00:00Z</dcterms:created>
</cp:coreProperties>"""


def p(text: str = "", *, style: str | None = None, extra_ppr: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    ppr = f"<w:pPr>{ppr}{extra_ppr}</w:pPr>" if ppr or extra_ppr else ""
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def cell(*paragraphs: str) -> str:
    return "<w:tc>" + "".join(p(x) for x in paragraphs) + "</w:tc>"


MINUTES_BODY = "".join(
    [
        p("Compte rendu", style="Title"),
        p("Atelier « mobilité »", style="Titre1"),
        # one paragraph split over runs, with a no-break space before the colon
        "<w:p><w:r><w:t>Présents</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
        f'<w:t xml:space="preserve">{NBSP}: Élodie, Marc et l’équi</w:t></w:r>'
        "<w:r><w:t>pe du pôle.</w:t></w:r></w:p>",
        p("Idées retenues", style="Intertitre"),
        p(
            "Une navette solidaire",
            extra_ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
        ),
        p("le soir", extra_ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'),
        p("Un garage associatif", style="Puce"),
        p("Pas une liste", style="Puce", extra_ppr='<w:numPr><w:numId w:val="0"/></w:numPr>'),
        p(),  # an empty paragraph only separates
        # tracked changes: the insertion is kept, the deletion is not
        '<w:p><w:r><w:t xml:space="preserve">Le principe est </w:t></w:r>'
        '<w:del w:id="1" w:author="M"><w:r><w:delText>rejeté</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="M"><w:r><w:t>validé</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> ; </w:t></w:r>'
        '<w:hyperlink r:id="rId2"><w:r><w:t>voir le site</w:t></w:r></w:hyperlink>'
        "<w:r><w:t>.</w:t></w:r></w:p>",
        # a text box (drawn twice: choice and fallback) is left out
        '<w:p><w:r><w:t>Budget</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        "<w:drawing><w:txbxContent><w:p><w:r><w:t>ENCADRÉ</w:t></w:r></w:p></w:txbxContent></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>ENCADRÉ</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        f'<w:r><w:t xml:space="preserve">{NBSP}: à définir.</w:t></w:r></w:p>',
        "<w:tbl><w:tblPr/>"
        "<w:tr>" + cell("Action") + cell("Responsable") + cell("Échéance") + "</w:tr>"
        "<w:tr>" + cell("Trouver", "un local") + cell("Marc") + cell("mars 2018") + "</w:tr>"
        "<w:tr>" + cell("") + cell("") + cell("") + "</w:tr>"
        "<w:tr>" + cell("Relancer la mairie") + cell("Élodie") + cell("") + "</w:tr>"
        "</w:tbl>",
        # a tab and a line break inside one paragraph
        f"<w:p><w:r><w:t>Prochaine réunion{NNBSP}?</w:t><w:tab/><w:t>Le 3 mai.</w:t>"
        "<w:br/><w:t>À confirmer.</w:t></w:r></w:p>",
        # a content control around a paragraph
        "<w:sdt><w:sdtPr/><w:sdtContent>" + p("Signé : l’animatrice.") + "</w:sdtContent></w:sdt>",
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
    ]
)

INTERVIEW_BODY = "".join(
    [
        p("Entretien", style="Titre1"),
        p("Enquêtrice : Bonjour, merci d’avoir accepté."),
        p(f"Élodie : Avec plaisir{NBSP}!"),
        p("Enquêtrice : Comment est née l’idée ?"),
        p("Élodie : Lors de la Start-Up de Territoire, en 2017."),
        "<w:sectPr/>",
    ]
)


def docx(path: Path, body: str, *, core: str | None) -> None:
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {MC} {R}><w:body>{body}</w:body></w:document>'
    members = [
        ("[Content_Types].xml", CONTENT_TYPES.format(core=CORE_TYPE if core else "")),
        ("_rels/.rels", ROOT_RELS.format(core=CORE_REL if core else "")),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/document.xml", document),
        ("word/styles.xml", STYLES),
    ]
    if core:
        members.append(("docProps/core.xml", core))
    write_zip(path, members)


# -- .odt -------------------------------------------------------------------------

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'office:version="1.3"'
)

ODT_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODT_NS}><office:body><office:text>
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
<text:table-of-content text:name="Sommaire"><text:index-body><text:p>Atelier « alimentation »</text:p></text:index-body></text:table-of-content>
<text:h text:outline-level="1">Atelier « alimentation »</text:h>
<text:p>Présents{NBSP}: Claire,<text:s text:c="2"/>Paul<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Arrivé en retard.</text:p></text:note-body></text:note> et <text:span>l’épicerie</text:span>.</text:p>
<text:p/>
<text:h text:outline-level="2">Pistes</text:h>
<text:list><text:list-item><text:p>Un marché de producteurs</text:p><text:list><text:list-item><text:p>le samedi</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Une cantine<text:tab/>partagée</text:p></text:list-item></text:list>
<text:section text:name="Annexe"><text:p>Idée de Paul<text:line-break/>à creuser{NNBSP}!<draw:frame><draw:text-box><text:p>CADRE</text:p></draw:text-box></draw:frame></text:p></text:section>
<text:soft-page-break/>
<table:table table:name="Actions"><table:table-column table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>Action</text:p></table:table-cell><table:table-cell><text:p>Qui</text:p></table:table-cell><table:table-cell table:number-columns-repeated="5"/></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Réserver</text:p><text:p>la salle</text:p></table:table-cell><table:table-cell><text:p>Claire</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="3"/></table:table-row>
</table:table>
<text:h text:outline-level="1">Suite</text:h>
<text:p>Prochain atelier le 12{NBSP}juin.</text:p>
</office:text></office:body></office:document-content>"""

ODT_STYLES = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODT_NS}/>'
ODT_META = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {ODT_NS}><office:meta>
<dc:title>Atelier alimentation</dc:title><meta:initial-creator>Paul Girard</meta:initial-creator>
<dc:creator>Claire Roy</dc:creator><meta:creation-date>2018-05-03T18:30:00</meta:creation-date>
</office:meta></office:document-meta>"""
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def odt(path: Path) -> None:
    write_zip(
        path,
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", ODT_CONTENT),
            ("styles.xml", ODT_STYLES),
            ("meta.xml", ODT_META),
            ("META-INF/manifest.xml", ODT_MANIFEST),
        ],
        stored=("mimetype",),
    )


# -- .trs (ISO-8859-1, as Transcriber saves it) ------------------------------------

TRS = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE Trans SYSTEM "trans-14.dtd">
<Trans scribe="Claire" audio_filename="entretien-elodie" version="3" version_date="190314">
<Speakers>
<Speaker id="spk1" name="Enquêtrice" check="no" dialect="native" accent="" scope="local"/>
<Speaker id="spk2" name="Élodie Fournier" check="no" dialect="native" accent="" scope="local"/>
<Speaker id="spk3" name="Marc (élu)" check="no" dialect="native" accent="" scope="local"/>
</Speakers>
<Topics>
<Topic id="to1" desc="Parcours"/>
<Topic id="to2" desc="La Fabrique à Entreprendre"/>
</Topics>
<Episode>
<Section type="report" topic="to1" startTime="0" endTime="20.5">
<Turn speaker="spk1" startTime="0" endTime="6.25">
<Sync time="0"/>
<Sync time="1.5"/>
Bonjour, merci d'avoir accepté
<Sync time="4"/>
de me recevoir.
</Turn>
<Turn speaker="spk2" startTime="6.25" endTime="12">
<Sync time="6.25"/>
Avec plaisir ! <Event desc="rire" type="noise" extent="instantaneous"/> C'était en 2017,
<Event desc="fr" type="language" extent="begin"/>à l&#8217;époque<Event desc="fr" type="language" extent="end"/>.
</Turn>
<Turn speaker="spk2 spk1" startTime="12" endTime="14">
<Sync time="12"/>
<Who nb="1"/>
oui c'est ça
<Who nb="2"/>
d'accord
</Turn>
<Turn startTime="14" endTime="15">
<Sync time="14"/>
<Background time="14" type="music" level="high"/>
</Turn>
<Turn speaker="spk3" startTime="15" endTime="20.5">
<Sync time="15"/>
La mairie a suivi <Comment desc="hésitation"/> dès le début.
</Turn>
</Section>
<Section type="nontrans" startTime="20.5" endTime="25"/>
<Section type="report" topic="to2" startTime="25" endTime="40">
<Turn speaker="spk2" startTime="25" endTime="40">
<Sync time="25"/>
La Fabrique nous a orientés vers l'incubateur.
</Turn>
</Section>
</Episode>
</Trans>
"""


def main() -> None:
    docx(HERE / "compte-rendu.docx", MINUTES_BODY,
         core=CORE.format(title="Atelier « mobilité »", author="Claire Martin"))  # fmt: skip
    docx(HERE / "entretien.docx", INTERVIEW_BODY, core=None)
    odt(HERE / "compte-rendu.odt")
    (HERE / "entretien.trs").write_bytes(TRS.encode("iso-8859-1"))


if __name__ == "__main__":
    main()
