"""Look: how a deck is drawn before anything is drawn.

Takes the model and the deck's `theme:`/`template:`; gives the theme (colours, fonts, type
scale), the organisation's template and the layout each kind of slide uses, the slide's frames,
and the measuring of text in those fonts (widths, shaping, writing systems) that later stages
fit by. Imports only the read and model stages.
"""
