"""The packaged templates as Jinja compiles them (documents/packaged.py).

Written by `python3 tools/compile_templates.py`; do not edit. A module is used only while its
template's SHA-256, the Jinja version and the environment's options are the ones below.
"""

JINJA = '3.1.6'
OPTIONS = "('_Sandbox', ['*', '**'], [], '{%', '%}', '{{', '}}', '{#', '#}', None, None, True, True, '\\n', True, True, False, False, [])"
TEMPLATES = {
    'changelog-header.md.j2': 'eaba125a36b6ffbbe70008abbcb3514c598b290276356023bbf30c3e9c176ff0',
    'item.md.j2': '5af276325657a4559e34d2f4185138d7f398a64858017f46f91bafd5e7f06866',
    'meeting.md.j2': '9b48e3cd9452aa7226eab01e63cbe4d5bb374b3413361548092b099a5fc1c164',
    'release-drafted.md.j2': 'ebc0d4b7af0a36332b6de3f070986c42e556e114fd999b1a8ed836c4c286b69c',
    'release-notes.md.j2': '9b3a962d04866c66378467c85729e33b1207ffa9bacefe097b0497aff193ce96',
    'release.md.j2': 'defc3318e466181a9bb0a58381251e02368a3085e0b38fb8f15693be977a4677',
    'status-portfolio.md.j2': 'bed189d7608aa9ab3d7454becfea44c861a3e31115843ff72687c0ecb0ef8795',
    'status.md.j2': '042fd9737e77fde20ebf2c7822d3b8935f2c691d9cea3018019d8b579792f63f',
}
