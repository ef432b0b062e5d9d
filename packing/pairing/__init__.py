"""The test-pairing rules behind packing/testpairs.py, one module per kind of evidence."""
