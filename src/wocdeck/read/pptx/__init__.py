"""An existing PowerPoint read as plain data, for `wocdeck import`: takes a .pptx, gives each
slide's title, bullets with their levels, notes, tables, pictures and charts, and what could
not be expressed. The file is untrusted: sizes are capped and XML is parsed without DTDs,
entities or network access; python-pptx is never used here (the writer alone uses it).
"""
