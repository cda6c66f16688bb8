"""The CHECK stage: parsed columns assembled into canonical rows, and every bad row named.

``assemble`` joins the VALUES stage's columns into the table the LOAD stage writes;
``row_checks`` finds what is wrong with each row (a required field missing, a date out of
order) and says where; ``report`` is what an import tells the user, file by file.
"""
