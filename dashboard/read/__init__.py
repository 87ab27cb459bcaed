"""Reading input: files, folders, archives, records and HTML pages become articles; every bad input becomes
a ``ReadProblem`` naming the file.
"""
