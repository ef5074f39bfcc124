"""Layout: slide plans fitted to their boxes at one type size per role across the deck.

Takes composed slides and the theme's type rules; gives slides whose every word fits, text
that does not fit continued on "(cont.)" slides, the adjustments to report, and right-to-left
decks mirrored.
"""
