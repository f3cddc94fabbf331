"""Secrets taken out of untrusted text before it leaves the machine.

What counts as a secret is in secret_rules.py, each rule tested: a secret pasted into a commit
body or into an ADR's source notes must never reach a model endpoint, cached or not, nor the
record written from them.
"""

from __future__ import annotations

import re

from leaddocs.drafting.secret_rules import RULES, Rule

MARKER = "[REDACTED:"
# What str.splitlines() splits on, so a redacted text has as many lines as the original.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def redact(text: str) -> tuple[str, list[str]]:
    """``text`` with every secret replaced by ``[REDACTED:kind]``, and the kinds found.

    Only the value is replaced when a rule knows where it is, so `'password' => 'hunter2'`
    keeps its key and quotes and the reader still sees what was there.
    """
    found: list[str] = []
    for rule in RULES:

        def replace(match: re.Match[str], rule: Rule = rule) -> str:
            whole = match.group(0)
            if MARKER in whole or not rule.accept(match):
                return whole  # an earlier, more specific rule took it, or it is no secret
            found.append(rule.kind)
            marker = f"{MARKER}{rule.kind}]"
            group = next((g for g in ("secret", "bare") if _matched(match, g)), None)
            if group is None:
                start, end = 0, len(whole)
            else:
                start, end = match.start(group) - match.start(), match.end(group) - match.start()
            # A secret over several lines (a key block) leaves its line breaks behind, so line
            # numbers (an ADR's source citations, a report's file:line) still match the file.
            breaks = "".join(_LINE_BREAK.findall(whole, start, end))
            return whole[:start] + marker + breaks + whole[end:]

        text = rule.pattern.sub(replace, text)
    return text, found


def _matched(match: re.Match[str], group: str) -> bool:
    return group in match.re.groupindex and match.group(group) is not None
