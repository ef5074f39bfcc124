"""Output: what reaches the user's disk, written whole or not at all.

Takes the writer's bytes; gives files written atomically (an existing file is left untouched
on failure), PDF and PNG pictures through LibreOffice (one-off, or a session kept for
`watch --preview`), and the starter deck of `wocdeck init`.
"""
