"""Compose: the model turned into slide plans, one per slide, in the deck's language.

Takes the model, the look and the wording tables; gives `plan.Slide`s (titles, text boxes,
figure tiles, tables, pictures, charts) in deck order, not yet fitted. Each content kind is a
module of `kinds/`, which gets what it needs from the composer through `kinds.base.Context`.
"""
