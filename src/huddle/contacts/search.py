"""What a contact search looks for. Pure: no database.

A search is words separated by spaces, and a contact matches when **every** word matches
the start of a word in its first name, last name, email or company name, ignoring case and
accents: "gar" finds García, "muller" finds Müller, "JOSE" finds José, "acme" finds
jane@acme.com and Acme Inc, "jane acme" finds Jane at Acme. Emails are read as words split
at their punctuation, so "garcia" finds jose.garcia@example.com, and a search word with
punctuation inside ("pepper@mail", "o'brien") matches those words in that order. Letters in
the middle of a word do not match ("mith" does not find Smith): that is what CRM users
expect of a search box, and what an index can answer at a million contacts.

A word that holds no letter or digit ("&", "%") is ignored; a search made only of such
words matches nobody (rather than everybody).
"""

from __future__ import annotations

import re
import unicodedata

# A token is a run of letters and digits; everything else separates tokens, as the full-text
# indexes of both databases split the text they index (SQLite's unicode61 tokenizer, and
# PostgreSQL's parser after the migration's translate() of . @ - _ + to spaces).
_SEPARATORS = re.compile(r"[\W_]+")
# A search box, not a query language: past this many words the rest are dropped.
MAX_WORDS = 8

SearchWord = tuple[str, ...]


def search_words(q: str | None) -> list[SearchWord] | None:
    """The search's words, each as its tokens, at most ``MAX_WORDS``, repeats dropped.
    ``[]`` when there is no search; ``None`` when there is one with nothing to look for
    (it must match no contact)."""
    if not q or not q.strip():
        return []
    words: list[SearchWord] = []
    # Composed, as stored text is: "e" + a combining accent is one letter, not a separator.
    for raw in unicodedata.normalize("NFC", q).split():
        tokens = tuple(t for t in _SEPARATORS.split(raw) if t)
        if tokens and tokens not in words:
            words.append(tokens)
    return words[:MAX_WORDS] or None
