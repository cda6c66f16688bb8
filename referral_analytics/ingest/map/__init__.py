"""The MAP stage: what kind of records a file holds, and which header fills which field.

``fields`` is the catalogue of kinds and fields; ``synonyms/`` the headers CRMs write for each;
``header_names`` makes headers comparable; ``mapping`` detects the kind and matches headers
(synonyms, near misses, saved mappings from ``saved_mappings``); ``templates`` writes the
import template workbook from the catalogue.
"""
