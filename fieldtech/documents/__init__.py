"""The customer documents (repair slip, pickup and return receipts) as data, and as PDF.

Entry points: `build` reads them from the store, `render` draws them, `data` says what is signed.
"""
