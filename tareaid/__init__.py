"""TAREaid: decision support for tumour boards weighing TARE with chemotherapy in CRLM."""

__version__ = "0.1.0"
