"""Pseudonymisation under the GDPR: the key, replacing names exactly, the leak check.

Pseudonymised data stay personal data (GDPR art. 4(5)): the real names are
replaced everywhere by pseudonyms, and the key that links them is kept apart,
outside the shared folders and out of git. This subpackage owns:

- the key (:func:`read_key`, :class:`PseudonymKey`): a YAML list of real names,
  their pseudonyms, kinds and variants, refused when it would replace a name in
  two ways or give two people one pseudonym;
- finding and replacing names (:class:`NameMatcher`, :func:`replace_names`,
  :func:`map_offsets`): whole words, any case, with or without accents, French
  elision, the case pattern kept, and every offset of the old text mapped into
  the new one;
- proposing entries (:func:`write_proposals`) from spaCy's entities, speaker
  labels, the actor registry and the documents' metadata;
- applying the key to a whole project, all or nothing, codings following their
  text exactly, and undoing it byte for byte (:func:`apply_pseudonymisation`,
  :func:`revert_pseudonymisation`);
- the leak check (:func:`check_privacy`, :func:`real_names_leaving`) over the
  project, its outputs and its exports.

Pseudonymisation is not anonymisation: a role, a place, a date or a story can
still tell who speaks, and the key undoes it all.
"""

from research.privacy._applying import (
    RECORD_NAME,
    Reverted,
    apply_pseudonymisation,
    raw_folder,
    read_record,
    revert_pseudonymisation,
)
from research.privacy._checking import (
    Leak,
    PrivacyReport,
    check_files,
    check_privacy,
    project_files,
    real_names_leaving,
)
from research.privacy._entities import Candidate, entity_candidates, entity_spans
from research.privacy._key import (
    ENTITY_KINDS,
    KeyEntry,
    PseudonymKey,
    check_key,
    derive_variant,
    parse_key,
    read_key,
)
from research.privacy._location import check_private_location, git_exposure, read_project_key
from research.privacy._matching import (
    Form,
    Match,
    NameMatcher,
    Region,
    Replaced,
    form_key,
    map_offsets,
    replace_names,
)
from research.privacy._proposing import (
    KEY_HEADER,
    proposal_text,
    propose_candidates,
    write_proposals,
)
from research.privacy._replacing import FileChange, PseudonymisationPlan, plan_pseudonymisation

__all__ = [
    "ENTITY_KINDS",
    "KEY_HEADER",
    "RECORD_NAME",
    "Candidate",
    "FileChange",
    "Form",
    "KeyEntry",
    "Leak",
    "Match",
    "NameMatcher",
    "PrivacyReport",
    "PseudonymKey",
    "PseudonymisationPlan",
    "Region",
    "Replaced",
    "Reverted",
    "apply_pseudonymisation",
    "check_files",
    "check_key",
    "check_privacy",
    "check_private_location",
    "derive_variant",
    "entity_candidates",
    "entity_spans",
    "form_key",
    "git_exposure",
    "map_offsets",
    "parse_key",
    "plan_pseudonymisation",
    "project_files",
    "proposal_text",
    "propose_candidates",
    "raw_folder",
    "read_key",
    "read_project_key",
    "read_record",
    "real_names_leaving",
    "replace_names",
    "revert_pseudonymisation",
    "write_proposals",
]
