"""What each reader looks for in a decision or a release: the words that make a statement
theirs. Leadership reads for cost, staffing, timeline and vendors; product for users and what
they see; legal for data, licences, security and compliance; customers for what changes for
them. A statement that names more of them comes first in the brief."""

from __future__ import annotations

import re
from collections.abc import Sequence

from leaddocs.briefs.model import Audience

Lens = tuple[tuple[str, re.Pattern[str]], ...]


def _lens(*topics: tuple[str, str]) -> Lens:
    return tuple(
        (name, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE))
        for name, pattern in topics
    )


LEGAL = _lens(
    ("personal data", r"personal(?:ly identifiable)? (?:data|information)|PII|user data"),
    ("privacy", r"privacy|GDPR|CCPA|HIPAA|consent|cookies?|tracking"),
    ("licences", r"licen[cs](?:e|es|ed|ing)|copyright|open[- ]source|AGPL|GPL"),
    ("security", r"security|vulnerab\w*|CVE(?:-\d{4}-\d{4,})?|encrypt\w*|XSS|CSRF|injection"),
    ("compliance", r"complian\w*|regulat\w*|audits?|retention|SOC ?2|ISO ?27001"),
    ("contracts", r"contracts?|vendors?|third[- ]part(?:y|ies)|suppliers?|terms of service|SLAs?"),
)
USERS = _lens(
    ("users", r"users?|customers?|clients?"),
    (
        "what users see",
        r"UI|screens?|pages?|dashboards?|e-?mails?|notifications?|sign[- ]?up|"
        r"log[- ]?in|checkout|exports?",
    ),
    (
        "speed and availability",
        r"latency|performance|faster|slower|speed|downtime|outages?|"
        r"availability",
    ),
    ("pricing", r"pric(?:e|es|ing)|billing|invoices?|subscriptions?"),
    ("integrations", r"APIs?|integrations?|webhooks?|SDKs?"),
)
BUSINESS = _lens(
    ("cost", r"costs?|budget|spend(?:ing)?|expensive|cheaper|pric(?:e|es|ing)|fees?|money"),
    ("staffing", r"hir(?:e|es|ing)|headcount|staff(?:ing)?|on-?call|training|skills?"),
    ("timeline", r"deadlines?|timeline|quarters?|Q[1-4]|weeks?|months?|delay(?:s|ed)?|slip\w*"),
    ("vendors", r"vendors?|lock-?in|contracts?|suppliers?|licen[cs]es?"),
    ("operational risk", r"risks?|outages?|downtime|incidents?|security|data loss"),
)
# What stays inside the team: a customer is not told what the team spends, saves or pays its
# people, nor who is on call. A figure of the customer's own price is theirs (PRICE).
INTERNAL = _lens(
    (
        "the team's costs",
        r"[$€£¥]\s?\d[\d,.]*(?:\s?[kKmM]\b)?|\d[\d,.]*\s?(?:USD|EUR|GBP|dollars|euros|pounds)|"
        r"budgets?|spend(?:ing)?|salar(?:y|ies)|overtime",
    ),
    ("staffing", r"on-?call|headcount|hir(?:e|es|ing)|staff(?:ing)?|rotations?"),
)
PRICE = _lens(("pricing", r"pric(?:e|es|ing)|plans?|subscriptions?|billing"))
LENSES: dict[Audience, Lens] = {
    "leadership": BUSINESS,
    "product": USERS,
    "legal": LEGAL,
    "customers": USERS,
}


def topics(text: str, lens: Lens) -> list[str]:
    """The names of the topics of ``lens`` that ``text`` mentions."""
    return [name for name, pattern in lens if pattern.search(text)]


def ranked(texts: Sequence[str], lens: Lens) -> list[int]:
    """The indexes of ``texts``, those naming more of the lens's topics first (stable)."""
    return sorted(range(len(texts)), key=lambda index: -len(topics(texts[index], lens)))
