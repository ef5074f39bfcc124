"""Read: the deck file and the files it names, taken exactly as the editor wrote them.

Takes paths; gives YAML values that keep their line and column (`source`), figures as a person
writes them, the deck's language picked from per-language values, chart CSVs and pictures
checked, or located problems in plain words. Imports nothing from later stages.
"""
