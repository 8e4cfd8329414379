"""E-mails: one ``.eml`` message, or a ``.mbox`` mailbox as one document per message.

Messages are parsed by the standard library (:mod:`email`, with
``email.policy.default``, which decodes encoded headers and body charsets).

What a message becomes
----------------------
- **Metadata**: ``title`` (the subject), ``from`` (``Name <address>``), ``to`` and
  ``cc`` (lists), ``date`` (``YYYY-MM-DD``, the document's date) and ``sent``
  (the full date and time with its zone), ``message_id`` and ``in_reply_to`` (to
  follow a thread), and ``attachments``: the list of attached files by name
  (``budget.xlsx``; a forwarded message attached as a file is listed as
  ``message : <subject>``). Attachments are listed, never imported: save one and
  import it to code it.
- **Text**: the plain-text body (or, when there is none, the HTML body turned into
  text: paragraphs and line breaks kept, markup dropped). Text that only repeats
  an earlier message is **dropped**: lines quoted with ``>``, the line that
  introduces them (« Le 12 mars 2024 à 10:04, Élodie <…> a écrit : », "On … wrote:"),
  an Outlook-style copy of the previous message (« -----Message d'origine----- »,
  or a « De : … Objet : … » block) with everything under it, quoted blocks of an
  HTML body (``<blockquote>``), and the signature under a ``-- `` line. Each
  message of an exchange is its own document, so quoted copies would count the
  same words and codes twice; ``quoted_lines`` says how many lines were dropped,
  and ``in_reply_to`` names the message they came from. A forwarded message
  ("Message transféré", "Forwarded message") is kept: it is what was sent.
  Lines of ``format=flowed`` text are joined as the sender wrote them.

A message without text (only attachments) cannot be a document: a ``.eml`` is
refused, a message of a mailbox is left out with a warning.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from research.corpus._ids import document_id
from research.corpus.loaders import Limits, LoadedDocument, register, register_collection
from research.corpus.loaders._subtitles import collapse_spaces
from research.errors import InputError, Problem
from research.files import decode_bytes, read_limited

__all__ = ["drop_quoted", "load_eml", "load_mbox", "message_document"]

_ATTRIBUTION_END = re.compile(r"(?:a écrit|wrote|schrieb|ha scritto|escribió)\s*:\s*$", re.I)
_ATTRIBUTION_START = re.compile(r"^\s*(?:Le|On|Am|Il|El)\s", re.I)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:original message|message d.origine|message original|"
    r"urspr.ngliche nachricht)\s*-{2,}\s*$|^_{10,}\s*$",
    re.I,
)
_HEADER_FROM = re.compile(r"^\s*\**(?:de|from|von)\s*\**\s*:", re.I)
_HEADER_OTHER = re.compile(r"^\s*\**(?:envoyé|sent|date|objet|subject|à|to|cc)\s*\**\s*:", re.I)
_SIGNATURE = "-- "
_MBOX_FROM = re.compile(rb"^From [^\n]*\n", re.MULTILINE)
_MBOX_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_BLOCK_TAGS = frozenset(
    ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
     "blockquote", "pre", "section", "article", "header", "footer")
)  # fmt: skip


def drop_quoted(text: str) -> tuple[str, int]:
    """A message body without what repeats an earlier message, and how many lines went.

    See the module notes for what is dropped.

    Examples
    --------
    >>> body = ("Merci, je viens jeudi.\\n\\nLe 12 mars 2024 à 10:04, Élodie a écrit :\\n"
    ...         "> Tu viens à l'atelier ?\\n>\\n-- \\nCamille, pôle coopératif\\n")
    >>> drop_quoted(body)
    ('Merci, je viens jeudi.\\n', 5)
    """
    lines = text.split("\n")
    keep = [True] * len(lines)
    for i, line in enumerate(lines):
        if line == _SIGNATURE or _ORIGINAL.match(line) or _outlook_header(lines, i):
            for j in range(i, len(lines)):
                keep[j] = False
            break
        if line.lstrip().startswith(">"):
            keep[i] = False
        elif _ATTRIBUTION_END.search(line):
            start = next(
                (j for j in range(i, max(i - 3, -1), -1) if _ATTRIBUTION_START.match(lines[j])),
                None,
            )
            if start is not None and _followed_by_quote(lines, i):
                for j in range(start, i + 1):
                    keep[j] = False
    dropped = sum(1 for k, line in zip(keep, lines, strict=True) if not k and line.strip())
    kept = "\n".join(line for k, line in zip(keep, lines, strict=True) if k)
    kept = re.sub(r"\n{3,}", "\n\n", kept).strip("\n")
    return (kept + "\n" if kept else ""), dropped


def _outlook_header(lines: list[str], i: int) -> bool:
    """Whether line ``i`` starts a « De : … Objet : … » copy of the previous message."""
    if not _HEADER_FROM.match(lines[i]):
        return False
    following = lines[i + 1 : i + 5]
    return sum(1 for line in following if _HEADER_OTHER.match(line)) >= 2


def _followed_by_quote(lines: list[str], i: int) -> bool:
    for line in lines[i + 1 : i + 3]:
        if line.strip():
            return line.lstrip().startswith(">")
    return True  # the attribution line of a quote the client left out


def _unflow(text: str, delsp: bool) -> str:
    """Join the lines of ``format=flowed`` text (RFC 3676)."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        if out and out[-1].endswith(" ") and out[-1] != _SIGNATURE and not line.startswith(">"):
            out[-1] = (out[-1][:-1] if delsp else out[-1]) + line
        else:
            out.append(line)
    return "\n".join(out)


def _html_text(html: str) -> str:
    """The text of an HTML body: blocks on their own lines, quoted blocks dropped."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml refuses empty or broken markup in several ways
        return ""
    for bad in root.xpath("//script|//style|//head|//blockquote"
                          "|//*[contains(@class, 'gmail_quote') or contains(@class, 'moz-cite-prefix')]"):  # fmt: skip
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = (
                "\n" + (element.text or "") if element.tag.lower() == "li" else element.text
            )
    text = root.text_content()
    lines = [collapse_spaces(line) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError):  # an unknown or lying charset
        content = decode_bytes(part.get_payload(decode=True) or b"")[0]
    return content if isinstance(content, str) else ""


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _content(part).replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_subtype() == "html":
        return _html_text(text)
    if part.get_param("format", "").lower() == "flowed":
        text = _unflow(text, part.get_param("delsp", "").lower() == "yes")
    return text


def _attachments(message: EmailMessage) -> list[str]:
    names = []
    for part in message.iter_attachments():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0) if part.is_multipart() else None
            subject = _header(inner, "Subject") if inner is not None else None
            names.append(f"message : {subject or '(sans objet)'}")
            continue
        name = part.get_filename()
        names.append(collapse_spaces(name) if name else f"(sans nom, {part.get_content_type()})")
    return names


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message[name]
    except (ValueError, IndexError, TypeError):  # a header too broken to parse
        return None
    return collapse_spaces(str(value)) if value is not None and str(value).strip() else None


def _addresses(message: EmailMessage, name: str) -> list[str]:
    try:
        header = message[name]
        addresses = getattr(header, "addresses", None)
    except (ValueError, IndexError, TypeError):
        return []
    if addresses is None:
        return [collapse_spaces(str(header))] if header is not None and str(header).strip() else []
    return [collapse_spaces(str(address)) for address in addresses if str(address).strip()]


def _metadata(message: EmailMessage) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    subject = _header(message, "Subject")
    if subject:
        meta["title"] = subject
    sender = _addresses(message, "From")
    if sender:
        meta["from"] = sender[0] if len(sender) == 1 else sender
    for name in ("To", "Cc"):
        found = _addresses(message, name)
        if found:
            meta[name.lower()] = found
    try:
        sent = message["Date"].datetime if message["Date"] is not None else None
    except (AttributeError, ValueError, TypeError, IndexError):
        sent = None
    if sent is not None:
        meta["date"] = sent.date().isoformat()
        meta["sent"] = sent.isoformat()
    for key, name in (("message_id", "Message-ID"), ("in_reply_to", "In-Reply-To")):
        value = _header(message, name)
        if value:
            meta[key] = value
    return meta


def message_document(message: EmailMessage) -> LoadedDocument | None:
    """The document of one parsed message (``None`` when it has no text).

    Examples
    --------
    >>> msg = email.message_from_string(
    ...     "From: Élodie <elodie@example.org>\\nTo: camille@example.org\\nSubject: Atelier\\n"
    ...     "Date: Tue, 12 Mar 2024 10:04:00 +0100\\n\\nJe viens.\\n", policy=policy.default)
    >>> doc = message_document(msg)
    >>> doc.text, doc.metadata["from"], doc.metadata["date"]
    ('Je viens.\\n', 'Élodie <elodie@example.org>', '2024-03-12')
    """
    meta = _metadata(message)
    text, dropped = drop_quoted(_body(message))
    attachments = _attachments(message)
    if attachments:
        meta["attachments"] = attachments
    if dropped:
        meta["quoted_lines"] = dropped
    if not text.strip():
        return None
    return LoadedDocument(text, meta)


def _parse(data: bytes, path: Path) -> EmailMessage:
    try:
        return email.message_from_bytes(data, policy=policy.default)
    except (RecursionError, ValueError, TypeError, IndexError) as exc:
        raise InputError(
            f"not a valid e-mail message ({type(exc).__name__})",
            path=path,
            hint="save the message again from the mail program (File > Save as, .eml)",
        ) from None


def _no_text(message: EmailMessage) -> str:
    attachments = _attachments(message)
    return f" (only attachments: {', '.join(attachments)})" if attachments else ""


@register(".eml", kind="email")
def load_eml(path: Path, options: Limits) -> LoadedDocument:
    """Load one e-mail message saved as ``.eml`` (see the module notes).

    Raises
    ------
    InputError
        A file that is not a message, or a message without text.
    """
    path = Path(path)
    message = _parse(read_limited(path, max_bytes=options.max_file_bytes), path)
    if not message.keys():
        raise InputError(
            "not an e-mail message: no header lines (From:, Subject:…) at the top",
            path=path,
            hint="save the message from the mail program as .eml",
        )
    doc = message_document(message)
    if doc is None:
        raise InputError(
            f"the message has no text{_no_text(message)}",
            path=path,
            hint="save the attachments you want to code and import them",
        )
    return doc


def mbox_messages(data: bytes) -> list[bytes]:
    """The messages of an mbox file (RFC 4155): each after its ``From `` line, with
    ``>From `` lines unquoted.

    Examples
    --------
    >>> mbox_messages(b"From a@b Tue Mar 12 10:04:00 2024\\nSubject: x\\n\\n>From here\\n"
    ...               b"From c@d Wed Mar 13 09:00:00 2024\\nSubject: y\\n\\nok\\n")
    [b'Subject: x\\n\\nFrom here\\n', b'Subject: y\\n\\nok\\n']
    """
    data = data.replace(b"\r\n", b"\n").lstrip(b"\n")
    if not data.startswith(b"From "):
        return []
    starts = list(_MBOX_FROM.finditer(data))
    messages = []
    for m, following in zip(starts, [*starts[1:], None], strict=True):
        body = data[m.end() : following.start() if following else len(data)]
        messages.append(_MBOX_QUOTED_FROM.sub(rb"\1", body))
    return messages


@register_collection(".mbox", kind="email")
def load_mbox(path: Path, options: Limits) -> list[LoadedDocument]:
    """Load every message of a ``.mbox`` mailbox, one document each, with the ids
    ``<file name>-001``, ``-002``… in the mailbox's order.

    Raises
    ------
    InputError
        A file that is not an mbox, or one without any message with text.
    """
    path = Path(path)
    data = read_limited(path, max_bytes=options.max_file_bytes)
    raw = mbox_messages(data)
    if not raw:
        raise InputError(
            "not an mbox mailbox: no line starting with 'From ' separates messages",
            path=path,
            hint="export the folder again from the mail program as mbox",
        )
    docs: list[LoadedDocument] = []
    skipped: list[str] = []
    width = max(3, len(str(len(raw))))
    for number, data_of_one in enumerate(raw, start=1):
        message = _parse(data_of_one, path)
        doc = message_document(message)
        if doc is None:
            skipped.append(
                f"{number} ({_header(message, 'Subject') or 'sans objet'}){_no_text(message)}"
            )
            continue
        doc.metadata = {"id": f"{document_id(path.stem)}-{number:0{width}d}", **doc.metadata}
        docs.append(doc)
    if not docs:
        raise InputError(
            "no message of the mailbox has text", path=path, hint="check that it is the right file"
        )
    if skipped:
        docs[0].problems.append(
            Problem(
                "warning",
                f"messages without text left out: {'; '.join(skipped)}",
                path=str(path),
                hint="save the attachments you want to code and import them",
            )
        )
    return docs
