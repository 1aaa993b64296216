"""`sopdocs web`: the local web page on which an office checks workbooks and gets its books.

app.py (pages and API), jobs.py (uploads as jobs, the build pool), limits.py (what an upload may
be), marking.py (the marked workbook), access.py (session, access code, CSRF), docs.py (the
workbook guide), server.py (starting it).
"""
