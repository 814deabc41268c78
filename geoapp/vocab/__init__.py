"""The one vocabulary: terms (code, Chinese, English, colour, rank), chains, messages, citations.

The package reads top to bottom as::

    terms      verdicts, stages, clusters, location quality and 未注明: code, labels, colour, rank
    chains     the 6 clusters / 20 chains taxonomy from the seeds; chain-name normalisation
    i18n       Chinese / English UI strings and planner messages (``message``, ``translate``);
               the tables are data files, ``translations/ui_en.toml`` and ``messages.toml``
    sources    citations as the document's title and line (never a file path)

Results carry codes; the web map, report maps and pages, PDFs and the CLI look labels and
colours up here.

Examples
--------
>>> from geoapp.vocab import VERDICT
>>> VERDICT["feasible"].zh
'可行'
"""

from geoapp.vocab.chains import (
    CHEMICAL_KEYWORDS,
    CLUSTERS,
    chain_names,
    chains_table,
    chemical_undecided,
    cluster_names,
    is_chemical,
    match_chains,
    normalise_chain,
)
from geoapp.vocab.i18n import (
    LANGS,
    Lang,
    Message,
    import_summary,
    message,
    message_text,
    reason_text,
    translate,
)
from geoapp.vocab.sources import SEED_TITLES, cite, cite_column
from geoapp.vocab.terms import (
    CLUSTER,
    LOCATION_QUALITIES,
    LOCATION_QUALITY,
    STAGE,
    STAGES,
    UNSTATED,
    UNSTATED_COLOR,
    UNSTATED_EN,
    VERDICT,
    VERDICT_CODES,
    Term,
    colors,
    label,
    labels,
    ranked,
    vocab_translations,
)

__all__ = [
    "CHEMICAL_KEYWORDS",
    "CLUSTER",
    "CLUSTERS",
    "LANGS",
    "LOCATION_QUALITIES",
    "LOCATION_QUALITY",
    "Lang",
    "Message",
    "SEED_TITLES",
    "STAGE",
    "STAGES",
    "Term",
    "UNSTATED",
    "UNSTATED_COLOR",
    "UNSTATED_EN",
    "VERDICT",
    "VERDICT_CODES",
    "chain_names",
    "chains_table",
    "chemical_undecided",
    "cite",
    "cite_column",
    "cluster_names",
    "colors",
    "import_summary",
    "is_chemical",
    "label",
    "labels",
    "match_chains",
    "message",
    "message_text",
    "normalise_chain",
    "ranked",
    "reason_text",
    "translate",
    "vocab_translations",
]
